// Which standby a failover promotes: among the data nodes no monitor suspects, a running standby
// before a cold one, then the longest log, then hot before warm, then declaration order. Never a
// standby further behind the primary's newest known entry than maxLagOnFailover (Patroni's rule),
// nor one in another zone when cross-zone failover is off (Orchestrator's
// PreventCrossDataCenterMasterFailover). Under isr replication, only a member of the in-sync
// replica set, unless unclean election is on (Kafka's unclean.leader.election.enable).
import type { ClusterState, MonitorKnowledge, NodeReport, PolicyContext } from "./cluster-state.ts";
import type { Readiness } from "./config.ts";

const readinessRank: Record<Readiness, number> = { hot: 0, warm: 1, cold: 2 };

/** The standby to promote, or null and why none qualifies. */
export function bestCandidate(
  state: ClusterState,
  known: MonitorKnowledge,
  context: PolicyContext,
): { candidate: string | null; reason: string } {
  const { policy, zones, dataNodes } = context;
  const primaryLastCommitUs = known.reports.get(state.primary)?.lastCommitUs ?? 0;
  let best: { node: string; report: NodeReport } | null = null;
  let tooFarBehind = 0;
  let otherZone = 0;
  let outOfSync = 0;
  const isr = policy.uncleanElection ? null : state.isr;
  for (const node of dataNodes) {
    if (node === state.primary || known.suspectedBy.get(node)!.size > 0) continue;
    const report = known.reports.get(node);
    if (!report || (report.role !== "standby" && report.role !== "off")) continue;
    if (!policy.crossZone && zones.get(node) !== zones.get(state.primary)) {
      otherZone++;
      continue;
    }
    if (isr !== null && !isr.members.includes(node)) {
      outOfSync++;
      continue;
    }
    if (primaryLastCommitUs - report.lastCommitUs > policy.maxLagOnFailoverUs) {
      tooFarBehind++;
      continue;
    }
    if (best === null || better(report, best.report)) best = { node, report };
  }
  if (best !== null) return { candidate: best.node, reason: "" };
  const reasons = [
    ...(tooFarBehind > 0
      ? [`${tooFarBehind} standby(s) further behind than maxLagOnFailover`]
      : []),
    ...(otherZone > 0 ? [`${otherZone} standby(s) in another zone and crossZone is off`] : []),
    ...(outOfSync > 0
      ? [`${outOfSync} standby(s) outside the in-sync replica set and unclean election is off`]
      : []),
  ];
  return {
    candidate: null,
    reason: reasons.length > 0 ? reasons.join("; ") : "no reachable standby",
  };
}

/** Running standbys before cold ones; then the longest log; then hot before warm. */
function better(a: NodeReport, b: NodeReport): boolean {
  const runningA = a.role === "standby";
  const runningB = b.role === "standby";
  if (runningA !== runningB) return runningA;
  if (a.logLength !== b.logLength) return a.logLength > b.logLength;
  return readinessRank[a.readiness] < readinessRank[b.readiness];
}
