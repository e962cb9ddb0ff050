// The world as the model sees it: every duration already in whole microseconds, every name
// resolved, every default filled in. The scenario layer builds this from a scenario file;
// the model never parses strings.
import type { Fault } from "./fault.ts";

export type DataRole = "primary" | "standby";
export type NodeRole = DataRole | "monitor";

export interface NodeConfig {
  name: string;
  role: NodeRole;
  zone: string;
  /** Standby readiness; only "hot" (running, streaming, applying) is modelled so far. */
  readiness: "hot";
  /** Time from a promote command to accepting writes. */
  promoteInUs: number;
  /** Running cost of this node per hour, in the scenario's cost unit. */
  costPerHour: number;
}

export interface LinkSpec {
  latencyUs: number;
  /** Delay is latency + uniform(−jitter, +jitter); jitter ≤ latency. */
  jitterUs: number;
  /** Probability that one message is dropped. */
  lossProbability: number;
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

export type ReplicationMode = "async" | "sync";

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
