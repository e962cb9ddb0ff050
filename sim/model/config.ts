// The world as the model sees it: every duration already in whole microseconds, every name
// resolved, every default filled in. The scenario layer builds this from a scenario file;
// the model never parses strings.
import type { Fault } from "./fault.ts";

export type DataRole = "primary" | "standby";
export type NodeRole = DataRole | "monitor";

/** hot: running, streaming and applying; warm: running and streaming, applying behind in
 *  batches; cold: switched off — on failover it boots and restores from backup and archive. */
export type Readiness = "hot" | "warm" | "cold";

export interface NodeConfig {
  name: string;
  role: NodeRole;
  zone: string;
  readiness: Readiness;
  /** Time from a promote command (after any catch-up) to accepting writes. */
  promoteInUs: number;
  /** Running cost of this node per hour, in the scenario's cost unit. */
  costPerHour: number;
  /** Entries a standby applies per second; Infinity for "as fast as they arrive". */
  applyRatePerS: number;
  /** A standby applies in batches every this long; 0 for continuously. */
  applyEveryUs: number;
  /** After a promotion the node serves at `warmUpCapacity` (a fraction of writes) for this long. */
  warmUpUs: number;
  warmUpCapacity: number;
  /** Cold standby: time to start the machine and the database. */
  bootInUs: number;
  /** Cold standby: time to restore the last base backup (replaying archived log comes on top). */
  restoreInUs: number;
  /** Cold standby: the primary takes a base backup this often (first one at t = 0). */
  backupEveryUs: number;
  /** Cold standby: the primary archives its log this often; 0 for no archive (backups only). */
  archiveEveryUs: number;
}

export interface LinkSpec {
  latencyUs: number;
  /** Delay is latency + uniform(−jitter, +jitter); jitter ≤ latency. */
  jitterUs: number;
  /** Probability that one message is dropped. */
  lossProbability: number;
  /** Log entries per second the link carries; Infinity for no limit. Only replication uses it. */
  bandwidthPerS: number;
}

/** A per-link or per-zone override; source and target name endpoints or zones. */
export interface LinkOverride {
  source: string;
  target: string;
  /** true for "a<->b" (both directions), false for "a->b". */
  bothWays: boolean;
  spec: Partial<LinkSpec>;
}

export interface NetworkConfig {
  defaults: LinkSpec;
  overrides: LinkOverride[];
}

/** async: acknowledge at commit; sync: after `waitFor` standbys have the entry; semi-sync: like
 *  sync, but fall back to async after `semiSyncTimeoutUs` without enough acknowledgements (as
 *  MySQL does) and return once enough standbys have caught up; quorum: sync with `waitFor`
 *  defaulting to a majority of the cluster. */
export type ReplicationMode = "async" | "sync" | "semi-sync" | "quorum";

export interface ReplicationConfig {
  mode: ReplicationMode;
  /** Delay between a write's commit on the primary and the primary shipping it to standbys
   *  (sender wake-up and batching). An entry not yet shipped when the primary fails is lost
   *  under async replication; the network adds its latency on top. */
  lagUs: number;
  /** Delay between a standby receiving log entries and having applied them (replay). */
  applyDelayUs: number;
  /** How often a standby reports its position to its upstream (and asks for what it misses). */
  statusIntervalUs: number;
  /** Standby acknowledgements a commit waits for (sync, semi-sync, quorum). */
  waitFor: number;
  /** semi-sync: how long a commit waits for acknowledgements before falling back to async. */
  semiSyncTimeoutUs: number;
}

export interface DetectorConfig {
  kind: "timeout";
  /** Heartbeat period of each monitor towards each data node. */
  intervalUs: number;
  /** Silence after which a monitor suspects a node. */
  timeoutUs: number;
}

export interface FailoverConfig {
  automatic: boolean;
  /** Monitors that must suspect the primary before a failover (1 with a single monitor). */
  quorum: number;
  fencing: "none";
  failback: "never";
  /** A promotion that hands the primary role back to a node that lost it this recently is a flap. */
  flapWindowUs: number;
  /** Never promote a standby whose newest entry is older than the primary's newest known entry
   *  by more than this (Patroni's maximum_lag_on_failover, in time); Infinity for no limit. */
  maxLagOnFailoverUs: number;
}

export type Arrivals = "poisson" | "uniform";

export interface ClientConfig {
  /** Client group name; also its network endpoint (the proxy router sits beside it). */
  name: string;
  zone: string;
  writesPerSecond: number;
  arrivals: Arrivals;
  /** A write without an acknowledgement after this long has failed. */
  timeoutUs: number;
  routing: "proxy";
}

export interface ScheduledFault {
  atUs: number;
  fault: Fault;
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
