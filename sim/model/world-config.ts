// The whole world a run simulates: its parts (config.ts), its detector (detectors/index.ts) and
// its fault schedule — what the scenario layer resolves a scenario file into, every duration in
// whole microseconds.
import type { Aim } from "./aim.ts";
import type { ClientConfig } from "./client-config.ts";
import type { FailoverConfig, NetworkConfig, NodeConfig, ReplicationConfig } from "./config.ts";
import type { DetectorConfig } from "./detectors/index.ts";
import type { Fault } from "./faults/index.ts";

export interface ScheduledFault {
  atUs: number;
  fault: Fault;
  /** Chaos aimed at a role: the fault strikes a node holding it when it comes (aim.ts); its
   *  node names are placeholders until then. */
  aim?: Aim;
}

export interface WorldConfig {
  name: string;
  seed: number;
  durationUs: number;
  nodes: NodeConfig[];
  network: NetworkConfig;
  replication: ReplicationConfig;
  detector: DetectorConfig;
  failover: FailoverConfig;
  clients: ClientConfig[];
  faults: ScheduledFault[];
}
