// The registry of presets modelled on real systems: `policy: presets.patroni()` fills a whole
// failover policy (detector, replication, failover rules, standby settings) with that system's
// documented defaults, and `presets.patroni({ failover: { lease: { ttl: "20s" } } })` overrides
// any part of it. Each preset is plain data in one file that cites the source of every number
// and says where the model approximates. A new preset is one file plus one entry here.
import type { PolicyOverrides, PolicySpecOf } from "../policy-spec.ts";
import { haproxy } from "./haproxy.ts";
import { kafka } from "./kafka.ts";
import { kubernetesProbes } from "./kubernetes-probes.ts";
import { orchestrator } from "./orchestrator.ts";
import { pacemaker } from "./pacemaker.ts";
import { patroni } from "./patroni.ts";
import { pgAutoFailover } from "./pg-auto-failover.ts";
import { raft } from "./raft.ts";
import { rdsMultiAz } from "./rds-multi-az.ts";
import { redisSentinel } from "./redis-sentinel.ts";
import { route53 } from "./route53.ts";

export const presets = {
  redisSentinel,
  patroni,
  pgAutoFailover,
  orchestrator,
  kubernetesProbes,
  rdsMultiAz,
  raft,
  pacemaker,
  haproxy,
  route53,
  kafka,
} as const;

export type PresetName = keyof typeof presets;

// Each preset labels its policy with its own name in this registry.
presets satisfies { [Name in PresetName]: (overrides?: PolicyOverrides) => PolicySpecOf<Name> };

/** The preset names, in registry order (for validation and messages). */
export const presetNames = Object.keys(presets) as [PresetName, ...PresetName[]];
