// The world's parts as the model sees them: every duration already in whole microseconds, every
// name resolved, every default filled in. The scenario layer builds them from a scenario file;
// the model never parses strings. The whole world, with its fault schedule, is world-config.ts.
import type { Failback, FailbackSettings } from "./failback/index.ts";
import type { Fencing, FencingSettings } from "./fencing/index.ts";
import type { Latency } from "./latency/index.ts";
import type { Rejoin, RejoinSettings } from "./rejoin/index.ts";

export type { Failback, Fencing, Rejoin };
export type { StonithConfig } from "./fencing/index.ts";

export type DataRole = "primary" | "standby";
/** "server": a stateless member of an active-active pool behind a client group's load balancer
 *  (pool-server.ts); it never replicates, and monitors neither watch nor promote it. */
export type NodeRole = DataRole | "monitor" | "witness" | "server";

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
  /** Requests (writes and reads) per second the node can handle (Infinity: no limit). Requests
   *  and health checks queue in one line: an overloaded node answers its health checks late, and
   *  looks dead. */
  capacityPerS: number;
  /** Work (in seconds of service) a node queues before refusing writes outright. */
  queueLimitUs: number;
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
  /** What happens when its process exits (restart-policy.ts). */
  restart: RestartConfig;
  /** A partial stand-in: the client groups whose writes (and reads) it serves as primary; any
   *  other group's are refused. null: every group (a full replica). */
  serves: readonly string[] | null;
  /** A pool server standing for a fleet that scales out (autoscaler.ts); null: fixed capacity. */
  autoscale: AutoscaleConfig | null;
}

/** Target tracking on the requests reaching a fleet of instances (autoscaler.ts). */
export interface AutoscaleConfig {
  /** Requests per second one instance handles; the server's capacity is instances × this. */
  instanceCapacityPerS: number;
  /** Demand over capacity the fleet is kept at (0–1). */
  targetUtilization: number;
  /** How often demand is measured, and how many measurements above the target launch instances. */
  periodUs: number;
  periods: number;
  /** A launched instance serves this long after the decision (boot and warm-up). */
  launchUs: number;
  maxInstances: number;
}

/** "never": an exited process stays down until the scenario restarts it; "always": Kubernetes'
 *  restartPolicy Always (OnFailure restarts the same: every modelled exit is a failure). */
export type RestartPolicy = "never" | "always";

/** A restart policy and its CrashLoopBackOff: the first restart at once, then `initialUs`,
 *  doubling up to `maxUs`; reset once a process ran `resetAfterUs` before exiting again. */
export interface RestartConfig {
  policy: RestartPolicy;
  initialUs: number;
  maxUs: number;
  resetAfterUs: number;
}

export interface LinkSpec {
  /** One-way delay (µs): fixed, or drawn for each message from a distribution (latency/). */
  latency: Latency;
  /** A fixed latency's spread: delay is latency + uniform(−jitter, +jitter), jitter ≤ latency;
   *  0 beside a distribution, which is its own spread. */
  jitterUs: number;
  /** Probability that one message is dropped. */
  lossProbability: number;
  /** Log entries per second the link carries; Infinity for no limit. Only replication uses it. */
  bandwidthPerS: number;
  /** false: messages arrive in the order they were sent, as TCP delivers (a late one holds up
   *  those behind it); true: each arrives when its own delay says, overtaking earlier ones. */
  reorder: boolean;
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
 *  defaulting to a majority of the cluster; isr: Kafka's acks=all — after every member of the
 *  in-sync replica set has the entry, refusing writes below `minInsync` (isr.ts). */
export type ReplicationMode = "async" | "sync" | "semi-sync" | "quorum" | "isr";

export interface ReplicationConfig {
  mode: ReplicationMode;
  /** Delay between a write's commit on the primary and the primary shipping it to standbys
   *  (sender wake-up and batching). An entry not yet shipped when the primary fails is lost
   *  under async replication; the network adds its latency on top. */
  lagUs: number;
  /** The sender ships on ticks this far apart (0: each entry on its own, `lagUs` after its
   *  commit): an entry goes with the first tick at least `lagUs` after its commit, together with
   *  every other entry due by then, as one message per follower. */
  shipWindowUs: number;
  /** Delay between a standby receiving log entries and having applied them (replay). */
  applyDelayUs: number;
  /** How often a standby reports its position to its upstream (and asks for what it misses). */
  statusIntervalUs: number;
  /** Standby acknowledgements a commit waits for (sync, semi-sync, quorum). */
  waitFor: number;
  /** semi-sync: how long a commit waits for acknowledgements before falling back to async. */
  semiSyncTimeoutUs: number;
  /** isr: replicas, the leader included, the ISR must hold for a write (min.insync.replicas). */
  minInsync: number;
  /** isr: a follower not caught up for this long leaves the ISR (replica.lag.time.max.ms). */
  lagTimeMaxUs: number;
}

export interface LeaseConfig {
  /** Lifetime of a lease (Patroni ttl). */
  ttlUs: number;
  /** How often a node renews it (Patroni loop_wait). */
  renewEveryUs: number;
  /** A failed renewal is retried this long: a primary without a successful renewal for
   *  renewEvery + retryTimeout demotes itself (Patroni retry_timeout). */
  retryTimeoutUs: number;
}

export interface OperatorConfig {
  /** The operator acts after a delay drawn uniformly from [minDelayUs, maxDelayUs]. */
  minDelayUs: number;
  maxDelayUs: number;
  /** Probability that an attempt fails (a wrong command); the operator tries again after a new delay. */
  errorProbability: number;
}

/** The failover policy; each fencing kind's, failback policy's and rejoin mode's own settings
 *  (STONITH's device, min-replicas' count and lag, hold-down's wait, rewind's time) come from its
 *  module (fencing/<kind>.ts, failback/<kind>.ts, rejoin/<mode>.ts), resolved whichever is chosen. */
export interface FailoverConfig extends FencingSettings, FailbackSettings, RejoinSettings {
  /** false: no automatic failover (detectors still run; an operator may act, see `operator`). */
  automatic: boolean;
  /** Monitors that must suspect the primary before a failover. */
  quorum: number;
  /** How a deposed primary is kept from taking writes (fencing/index.ts). */
  fencing: Fencing;
  /** Whether and when the original primary takes its role back (failback/index.ts). */
  failback: Failback;
  /** How a deposed primary comes back: at once, rewound, rebuilt or by an operator (rejoin/index.ts). */
  rejoin: Rejoin;
  /** A promotion that hands the primary role back to a node that lost it this recently is a flap. */
  flapWindowUs: number;
  /** Never promote a standby whose newest entry is older than the primary's newest known entry
   *  by more than this (Patroni's maximum_lag_on_failover, in time); Infinity for no limit. */
  maxLagOnFailoverUs: number;
  /** After an automatic failover, no other automatic one for this long (Orchestrator's
   *  RecoveryPeriodBlockSeconds); 0 for none. */
  blockForUs: number;
  /** May a standby in another zone than the primary be promoted? */
  crossZone: boolean;
  /** isr replication: may a replica outside the in-sync set be elected (Kafka's
   *  unclean.leader.election.enable)? Other modes elect any standby. */
  uncleanElection: boolean;
  lease: LeaseConfig;
  /** Manual failover (automatic false) and manual failback: the operator; null for nobody. */
  operator: OperatorConfig | null;
}
