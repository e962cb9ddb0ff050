// What the controller knows, and what it can say. The cluster state (epoch, primary, a failover
// or failback in progress) is shared by the monitors, as Sentinel's configuration epochs or an
// orchestrator/raft log would share it; what each monitor has heard — node reports and other
// monitors' verdicts — is its own. Observations come in, commands go out, all as plain data; a
// decision (controller.ts) returns the next state rather than changing the one it was handed.
import type { FailoverConfig, Readiness } from "./config.ts";
import type { TraceRole } from "./trace.ts";

export interface NodeReport {
  role: TraceRole;
  epoch: number;
  /** The epoch the node was last promoted into (the original primary: 1; 0: never primary). */
  primaryEpoch: number;
  /** For a cold standby that is off: the length it could restore from backup and archive. */
  logLength: number;
  upstream: string | null;
  /** Commit time at the primary of the newest entry in the log (0 for an empty log). */
  lastCommitUs: number;
  readiness: Readiness;
}

export interface ClusterState {
  epoch: number;
  /** The node made primary last (or the original primary). */
  primary: string;
  readonly originalPrimary: string;
  /** Set while a promotion has been ordered but not yet confirmed. */
  promoting: string | null;
  /** The last promotion ordered and when: sent again if its node still reports the old epoch
   *  `promoteRetryUs` later (the command was lost, say across a partition). */
  lastPromote: { command: PromoteCommand; sentUs: number } | null;
  /** The latest epoch whose promotion has been confirmed (by the node's message or its report),
   *  and its primary: the one routers and standbys are pointed at. */
  confirmedEpoch: number;
  confirmedPrimary: string;
  /** True once a "no candidate" has been reported for the current suspicion of the primary. */
  noCandidateReported: boolean;
  /** No automatic failover before this time (anti-flapping). */
  blockedUntilUs: number;
  /** STONITH in progress: the node being fenced and the node to promote once it is off (`planned`:
   *  a failback handover called off, not a failure); `retryAtUs` is set while it waits for the
   *  cluster recheck after too many failed attempts. */
  fencing: { node: string; candidate: string; planned: boolean; retryAtUs: number | null } | null;
  /** Failed fencing attempts per target since its last successful one (Pacemaker's stonith
   *  fail counts: reset by a success, never by time). Replaced, never changed in place: a
   *  decision's draft shares it with the state it was drafted from. */
  fenceFailures: ReadonlyMap<string, number>;
  /** An operator has been paged and will act at `dueUs` (manual failover or failback). */
  operator: { action: "failover" | "failback"; dueUs: number } | null;
  /** A failback in progress: `from` has stepped down; `to` is promoted once it has caught up. */
  handover: { from: string; to: string } | null;
  /** isr replication: the in-sync followers of the leader of `epoch`, as its last acknowledged
   *  change (or the election) made them; null under other modes. */
  isr: { epoch: number; members: readonly string[] } | null;
}

export interface MonitorKnowledge {
  reports: Map<string, NodeReport>;
  /** For each data node, the monitors that currently suspect it (as far as this monitor heard). */
  suspectedBy: Map<string, Set<string>>;
  /** Since when each node has been a healthy, caught-up standby (for failback); absent if not. */
  healthySinceUs: Map<string, number>;
}

export type Observation =
  | { kind: "verdict"; monitor: string; node: string; suspect: boolean }
  | { kind: "report"; node: string; report: NodeReport }
  | { kind: "promoted"; node: string; epoch: number }
  | { kind: "fenced"; node: string; ok: boolean }
  /** A leader proposes its in-sync replica set. */
  | { kind: "isr"; node: string; epoch: number; members: readonly string[] }
  | { kind: "timer" };

export type Command =
  /** `planned`: a failback handover, not a reaction to a failure. */
  /** `isr` (isr replication): the in-sync followers the new leader starts with. */
  | {
      kind: "promote";
      node: string;
      epoch: number;
      from: string;
      planned: boolean;
      resent?: boolean;
      isr?: readonly string[];
    }
  | { kind: "follow"; node: string; primary: string; epoch: number }
  | { kind: "resume"; node: string; epoch: number; isr?: readonly string[] }
  /** isr replication: the controller removed fenced brokers from the leader's in-sync set. */
  | { kind: "isr-shrink"; node: string; epoch: number; members: readonly string[] }
  | { kind: "step-down"; node: string; epoch: number }
  | { kind: "reroute"; target: string; epoch: number }
  | { kind: "fence"; node: string; attempt: number }
  | { kind: "timer"; atUs: number }
  | { kind: "no-candidate"; node: string; reason: string }
  | { kind: "operator"; action: string; node: string; ok: boolean };

export type PromoteCommand = Extract<Command, { kind: "promote" }>;

/** What the policy is handed besides the state and the knowledge: its configuration, the time,
 *  the cluster's data nodes and their zones, and its own random stream (operator behaviour). */
export interface PolicyContext {
  policy: FailoverConfig;
  nowUs: number;
  dataNodes: readonly string[];
  zones: ReadonlyMap<string, string>;
  /** A uniform draw on [0, 1) from the controller's own random stream (operator behaviour). */
  draw(): number;
}

/** What a decision returns: the next cluster state and the commands to carry out, in order. */
export interface Decision {
  state: ClusterState;
  commands: Command[];
}

/** `isr`: the in-sync followers of the original leader under isr replication (null otherwise). */
export function createClusterState(
  primary: string,
  isr: readonly string[] | null = null,
): ClusterState {
  return {
    epoch: 1,
    primary,
    originalPrimary: primary,
    promoting: null,
    lastPromote: null,
    confirmedEpoch: 1,
    confirmedPrimary: primary,
    noCandidateReported: false,
    blockedUntilUs: 0,
    fencing: null,
    fenceFailures: new Map(),
    operator: null,
    handover: null,
    isr: isr === null ? null : { epoch: 1, members: isr },
  };
}

export function createKnowledge(dataNodes: readonly string[]): MonitorKnowledge {
  return {
    reports: new Map(),
    suspectedBy: new Map(dataNodes.map((node) => [node, new Set<string>()])),
    healthySinceUs: new Map(),
  };
}
