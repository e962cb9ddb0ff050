// A failover policy as scenarios write it: detector, replication, failover rules and standby
// settings — the scenario's own `detector`, `replication` and `failover` fields, and the whole
// `policy` a preset makes. Plain data with durations as strings; defaults quoted in the JSDoc
// live in defaults.ts or in the module of their kind (model/<registry>/<kind>.ts). The preset's
// name is a type parameter (define.ts binds it to the preset names as PolicySpec), so this file
// needs nothing of the preset registry, which builds on it.
import type { DetectorSpec, FailbackSpec, FencingSpec, RejoinSpec } from "../model/index.ts";
import type {
  Failback,
  Fencing,
  Readiness,
  RejoinChoice,
  ReplicationModeChoice,
} from "./choices.ts";
import type { Duration } from "../dsl/index.ts";

/** A scenario's `detector`: a kind and its settings, from the detector kinds (model/detectors). */
export type { DetectorSpec };

export interface ReplicationSpec {
  /** "async": the primary acknowledges before standbys have the write; "sync": after `waitFor`
   *  standbys have it; "semi-sync": the same, but after `semiSyncTimeout` without enough
   *  acknowledgements it falls back to async until standbys catch up (MySQL); "quorum": sync with
   *  `waitFor` defaulting to a majority of the cluster; "isr": Kafka's acks=all, after every
   *  follower of the in-sync replica set has it (see `minInsync`, `lagTimeMax`). Default "async". */
  mode?: ReplicationModeChoice;
  /** Replication lag: time from a commit on the primary to the entry being shipped to standbys.
   *  Under "async", writes not yet shipped when the primary fails are lost. Default "10ms". */
  lag?: Duration;
  /** The sender ships on ticks this far apart: an entry goes with the first tick at least `lag`
   *  after its commit, together with everything else due by then ("0ms": each entry on its
   *  own). Default "10ms". */
  shipWindow?: Duration;
  /** Apply (replay) delay at a standby: received entries are applied this much later; a
   *  promotion waits for the apply to finish. Default "50ms". */
  applyDelay?: Duration;
  /** How often a standby reports its position to its upstream. Default "1s". */
  statusInterval?: Duration;
  /** Standby acknowledgements a commit waits for (sync, semi-sync, quorum). Default 1; quorum: a majority. */
  waitFor?: number;
  /** semi-sync: how long a commit waits before falling back to async. Default "10s" (MySQL). */
  semiSyncTimeout?: Duration;
  /** isr: replicas, the leader included, the in-sync set must hold for a write to be taken
   *  (min.insync.replicas; fewer: NotEnoughReplicas). Default 1 (Kafka). */
  minInsync?: number;
  /** isr: a follower not caught up with the leader for this long leaves the in-sync set
   *  (replica.lag.time.max.ms). Default "30s" (Kafka since 2.5). */
  lagTimeMax?: Duration;
}

/** The failover policy as a scenario writes it: these fields, and each fencing kind's, failback
 *  policy's and rejoin mode's own (model/fencing/<kind>.ts: `stonith`, `minReplicas`,
 *  `minReplicasMaxLag`; model/failback/<kind>.ts: `holdDown`; model/rejoin/<mode>.ts:
 *  `rewindIn`). */
export type FailoverSpec = FailoverFields & FencingSpec & FailbackSpec & RejoinSpec;

interface FailoverFields {
  /** false: no automatic failover — detectors run and report; an `operator`, if given, fails
   *  over by hand after a delay. Default true. */
  automatic?: boolean;
  /** Monitors (and witnesses) that must suspect the primary before a failover. Default 1. */
  quorum?: number;
  /** How a deposed primary is kept from taking writes: "none", "stonith" (powered off before the
   *  standby is promoted), "epoch" (storage refuses a stale epoch), "lease" (a primary that cannot
   *  renew its lease demotes itself), "min-replicas" (refuses writes without enough recent
   *  replicas, Redis-style). Default "none". */
  fencing?: Fencing;
  /** Whether the original primary takes its role back once healthy and caught up: "never",
   *  "immediate", "hold-down" (after `holdDown` of health), "manual" (the operator). Default "never". */
  failback?: Failback;
  /** How a deposed primary (one told to follow a newer primary while it still held the role —
   *  crashed and restarted, or cut off) comes back: "standby" (follows at once, Redis Sentinel),
   *  "rewind" (a diverged log is rewound for `rewindIn` first, Patroni with pg_rewind),
   *  "rebuild" (a full copy taking the node's `restoreIn` first, RDS), "manual" (the operator
   *  puts it back after the operator's delay, Orchestrator). A planned failback's old primary
   *  always follows at once. Default "standby". */
  rejoin?: RejoinChoice;
  /** After an automatic failover, no other automatic one for this long (Orchestrator's
   *  RecoveryPeriodBlockSeconds). Default "0s". */
  blockFor?: Duration;
  /** May a standby in another zone be promoted? Default true. */
  crossZone?: boolean;
  /** isr replication: may a replica outside the in-sync set be elected, losing what it lacks
   *  (Kafka's unclean.leader.election.enable)? Default false (Kafka since 0.11). */
  uncleanElection?: boolean;
  /** The lease for lease detection and lease fencing. Default Patroni's: ttl "30s", renewEvery "10s", retryTimeout "10s". */
  lease?: { ttl?: Duration; renewEvery?: Duration; retryTimeout?: Duration };
  /** The operator for manual failover and manual failback: a delay ("10m" or a uniform range
   *  "5m..15m") and a chance that an attempt fails and must be repeated. Default: no operator. */
  operator?: { delay?: Duration | `${Duration}..${Duration}`; errorProbability?: number };
  /** A role change that undoes another within this window counts as a flap. Default "6m" (Redis Sentinel 2 × failover-timeout). */
  flapWindow?: Duration;
  /** Never promote a standby whose newest entry is older than the primary's newest known entry
   *  by more than this; the cluster stays down instead (Patroni's maximum_lag_on_failover). Default "unlimited". */
  maxLagOnFailover?: Duration | "unlimited";
}

/** What a policy says about standbys: applied to every standby that does not set it itself
 *  (`promoteIn` also to the primary, which is promoted again on a failback). */
export interface PolicyStandbySpec {
  /** Time from a promote command (after any catch-up) to accepting writes. */
  promoteIn?: Duration;
  /** "hot", "warm" or "cold". */
  readiness?: Readiness;
}

/**
 * A whole failover policy: detector, replication, failover rules and standby settings, usually
 * made by a preset (`policy: presets.patroni()`, see presets/index.ts). At resolution it fills
 * the scenario: defaults < policy < the scenario's own `detector`, `replication` and `failover`
 * fields. A scenario `detector` of another kind than the policy's replaces the policy's detector.
 */
export interface PolicySpecOf<Name extends string> {
  /** The preset this policy was made by (its name in presets/index.ts); a label, it fills
   *  nothing by itself. */
  preset?: Name;
  detector?: DetectorSpec;
  replication?: ReplicationSpec;
  failover?: FailoverSpec;
  standby?: PolicyStandbySpec;
}

/** What a preset function accepts: any part of a policy, merged over the preset's values. */
export type PolicyOverrides = Omit<PolicySpecOf<string>, "preset">;
