// The failover policy of the controller (the first monitor): it decides, the world acts.
// `decide(view, observation)` reads what the controller knows — its epoch, which node it made
// primary, what each data node last reported, which monitors suspect whom — and returns
// commands as data. It never touches nodes. Rules (automatic failover, no fencing, no failback):
// - when at least `quorum` monitors suspect the primary, promote into a new epoch the best
//   trusted standby: a running one with the longest log (ties: hot before warm, then declaration
//   order), else a cold one; a standby whose newest entry is older than the primary's newest
//   known entry by more than maxLagOnFailover is never promoted (Patroni's rule) — the cluster
//   then stays down rather than lose those writes;
// - once the promoted node confirms, repoint every router and every other data node at it
//   (a deposed primary that hears this becomes a standby and rewinds);
// - a node reporting "primary" with a stale epoch, a restarted node, or a standby following the
//   wrong upstream is told whom to follow; a restarted node that is still the primary resumes.
import type { FailoverConfig, Readiness } from "./config.ts";
import type { TraceRole } from "./trace.ts";

export interface NodeReport {
  role: TraceRole;
  epoch: number;
  /** For a cold standby that is off: the length it could restore from backup and archive. */
  logLength: number;
  upstream: string | null;
  /** Commit time at the primary of the newest entry in the log (0 for an empty log). */
  lastCommitUs: number;
  readiness: Readiness;
}

export interface ControllerView {
  epoch: number;
  /** The node the controller made primary (or the original primary). */
  primary: string;
  /** Set while a promotion has been ordered but not yet confirmed. */
  promoting: string | null;
  dataNodes: readonly string[];
  reports: Map<string, NodeReport>;
  /** For each data node, the monitors that currently suspect it. */
  suspectedBy: Map<string, Set<string>>;
  /** True once a "no candidate" has been reported for the current suspicion of the primary. */
  noCandidateReported: boolean;
}

export type Observation =
  | { kind: "verdict"; monitor: string; node: string; suspect: boolean }
  | { kind: "report"; node: string; report: NodeReport }
  | { kind: "promoted"; node: string; epoch: number };

export type Command =
  | { kind: "promote"; node: string; epoch: number; from: string }
  | { kind: "follow"; node: string; primary: string; epoch: number }
  | { kind: "resume"; node: string; epoch: number }
  | { kind: "reroute"; target: string; epoch: number }
  | { kind: "no-candidate"; node: string; reason: string };

export function createView(primary: string, dataNodes: readonly string[]): ControllerView {
  return {
    epoch: 1,
    primary,
    promoting: null,
    dataNodes,
    reports: new Map(),
    suspectedBy: new Map(dataNodes.map((node) => [node, new Set<string>()])),
    noCandidateReported: false,
  };
}

/** Updates the view with the observation and returns the commands it calls for. */
export function decide(view: ControllerView, observation: Observation, policy: FailoverConfig): Command[] {
  switch (observation.kind) {
    case "verdict": {
      const monitors = view.suspectedBy.get(observation.node)!;
      if (observation.suspect) monitors.add(observation.monitor);
      else monitors.delete(observation.monitor);
      if (observation.node === view.primary && !observation.suspect) view.noCandidateReported = false;
      return maybeFailover(view, policy);
    }
    case "report":
      view.reports.set(observation.node, observation.report);
      return [...reconcile(view, observation.node, observation.report), ...maybeFailover(view, policy)];
    case "promoted": {
      if (observation.epoch !== view.epoch || observation.node !== view.primary) return [];
      view.promoting = null;
      const others = view.dataNodes.filter((node) => node !== observation.node);
      return [
        { kind: "reroute", target: observation.node, epoch: view.epoch },
        ...others.map((node): Command => ({ kind: "follow", node, primary: observation.node, epoch: view.epoch })),
      ];
    }
    default: {
      const unknown: never = observation;
      throw new Error(`unknown observation ${JSON.stringify(unknown)}`);
    }
  }
}

function maybeFailover(view: ControllerView, policy: FailoverConfig): Command[] {
  if (!policy.automatic) return [];
  const primarySuspected = view.suspectedBy.get(view.primary)!.size >= policy.quorum;
  // A promotion that never confirms (its node failed meanwhile) is abandoned once that node is suspected.
  if (view.promoting !== null && !primarySuspected) return [];
  view.promoting = null;
  if (!primarySuspected) return [];
  const { candidate, reason } = bestCandidate(view, policy);
  if (candidate === null) {
    if (view.noCandidateReported) return [];
    view.noCandidateReported = true;
    return [{ kind: "no-candidate", node: view.primary, reason }];
  }
  const from = view.primary;
  view.epoch += 1;
  view.primary = candidate;
  view.promoting = candidate;
  view.noCandidateReported = false;
  return [{ kind: "promote", node: candidate, epoch: view.epoch, from }];
}

const readinessRank: Record<Readiness, number> = { hot: 0, warm: 1, cold: 2 };

/** The standby to promote, or null and why none qualifies. */
function bestCandidate(view: ControllerView, policy: FailoverConfig): { candidate: string | null; reason: string } {
  const primaryLastCommitUs = view.reports.get(view.primary)?.lastCommitUs ?? 0;
  let best: { node: string; report: NodeReport } | null = null;
  let tooFarBehind = 0;
  for (const node of view.dataNodes) {
    if (node === view.primary || view.suspectedBy.get(node)!.size > 0) continue;
    const report = view.reports.get(node);
    if (!report || (report.role !== "standby" && report.role !== "off")) continue;
    if (primaryLastCommitUs - report.lastCommitUs > policy.maxLagOnFailoverUs) {
      tooFarBehind++;
      continue;
    }
    if (best === null || better(report, best.report)) best = { node, report };
  }
  if (best !== null) return { candidate: best.node, reason: "" };
  const reason = tooFarBehind > 0 ? `${tooFarBehind} standby(s) further behind than maxLagOnFailover` : "no reachable standby";
  return { candidate: null, reason };
}

/** Running standbys before cold ones; then the longest log; then hot before warm. */
function better(a: NodeReport, b: NodeReport): boolean {
  const runningA = a.role === "standby";
  const runningB = b.role === "standby";
  if (runningA !== runningB) return runningA;
  if (a.logLength !== b.logLength) return a.logLength > b.logLength;
  return readinessRank[a.readiness] < readinessRank[b.readiness];
}

/** Commands that bring one node's reported role in line with the controller's view. */
function reconcile(view: ControllerView, node: string, report: NodeReport): Command[] {
  if (node === view.primary) {
    if (report.role === "rejoining" && view.promoting === null) return [{ kind: "resume", node, epoch: view.epoch }];
    return [];
  }
  if (view.promoting !== null || report.role === "off") return [];
  const stalePrimary = report.role === "primary" && report.epoch < view.epoch;
  const abandoned = (report.role === "booting" || report.role === "catching-up" || report.role === "promoting") && report.epoch < view.epoch;
  const lost = report.role === "rejoining" || (report.role === "standby" && report.upstream !== view.primary);
  return stalePrimary || abandoned || lost ? [{ kind: "follow", node, primary: view.primary, epoch: view.epoch }] : [];
}
