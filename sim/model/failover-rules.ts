// The failover rules of the policy (controller.ts has the whole list), on a draft of the cluster
// state: when a quorum suspects the primary — at once if automatic (unless an anti-flapping
// block holds), after an operator's delay if manual — promote the best standby (candidates.ts);
// with STONITH, power the old primary off first, retrying a failed attempt until `maxAttempts`
// failures, then at the cluster recheck (Pacemaker's stonith-max-attempts and
// cluster-recheck-interval); once the promoted node confirms, point every router and data node at
// it; a promotion whose node fails first is abandoned — and the failover called off when the
// primary it was to replace still serves.
import { bestCandidate } from "./candidates.ts";
import type { ClusterState, Command, MonitorKnowledge, PolicyContext } from "./cluster-state.ts";
import type { FailoverConfig } from "./config.ts";
import { fencingMechanisms } from "./fencing/index.ts";
import { fenceAttempt, page, primarySuspected, promote } from "./policy-steps.ts";

/** The promoted node takes writes: point the routers and every other data node at it. */
export function confirmPromotion(
  state: ClusterState,
  primary: string,
  context: PolicyContext,
): Command[] {
  state.promoting = null;
  state.handover = null;
  state.confirmedEpoch = state.epoch;
  state.confirmedPrimary = primary;
  const others = context.dataNodes.filter((node) => node !== primary);
  return [
    { kind: "reroute", target: primary, epoch: state.epoch },
    ...others.map((node): Command => ({ kind: "follow", node, primary, epoch: state.epoch })),
  ];
}

export function failover(
  state: ClusterState,
  known: MonitorKnowledge,
  context: PolicyContext,
): Command[] {
  const { policy, nowUs } = context;
  const suspected = primarySuspected(state, known, policy);
  if (state.promoting !== null) {
    // A promotion that never confirms (its node failed meanwhile) is abandoned once that node is
    // suspected — and the failover called off if the primary it was replacing still serves.
    if (!suspected) return [];
    state.promoting = null;
    const calledOff = callOff(state, known, context);
    if (calledOff.length > 0) return calledOff;
  }
  if (!suspected || state.fencing !== null || state.handover !== null) return [];
  if (!policy.automatic) {
    if (policy.operator === null || state.operator !== null) return [];
    return page(state, "failover", context);
  }
  if (nowUs < state.blockedUntilUs) {
    if (state.noCandidateReported) return [];
    state.noCandidateReported = true;
    return [
      {
        kind: "no-candidate",
        node: state.primary,
        reason: `automatic recovery blocked until ${state.blockedUntilUs / 1e6} s`,
      },
    ];
  }
  return startFailover(state, known, context, true);
}

/** The node being promoted failed before it confirmed, while the primary it was to replace still
 *  serves (trusted again, holding its epoch, stepped aside at most — never under STONITH, which
 *  powered it off): that primary is promoted back at once, into a newer epoch, which makes the
 *  abandoned one stale should its promotion still end. */
export function callOff(
  state: ClusterState,
  known: MonitorKnowledge,
  context: PolicyContext,
): Command[] {
  // Under STONITH the primary being replaced was powered off before the promotion was ordered.
  if (fencingMechanisms(context.policy.fencing).powersOffFirst) return [];
  const serving = state.confirmedPrimary;
  const report = known.reports.get(serving);
  if (serving === state.primary || report === undefined || known.suspectedBy.get(serving)!.size > 0)
    return [];
  if (
    (report.role !== "primary" && report.role !== "fenced") ||
    report.primaryEpoch !== report.epoch
  )
    return [];
  return promote(state, serving, state.primary, context, { automatic: false, planned: false });
}

export function startFailover(
  state: ClusterState,
  known: MonitorKnowledge,
  context: PolicyContext,
  automatic: boolean,
): Command[] {
  const { candidate, reason } = bestCandidate(state, known, context);
  if (candidate === null) {
    if (state.noCandidateReported) return [];
    state.noCandidateReported = true;
    return [{ kind: "no-candidate", node: state.primary, reason }];
  }
  if (fencingMechanisms(context.policy.fencing).powersOffFirst) {
    state.fencing = { node: state.primary, candidate, planned: false, retryAtUs: null };
    return [fenceAttempt(state, state.primary)];
  }
  return promote(state, candidate, state.primary, context, { automatic, planned: false });
}

export function afterFencing(
  state: ClusterState,
  known: MonitorKnowledge,
  node: string,
  ok: boolean,
  context: PolicyContext,
): Command[] {
  const fencing = state.fencing;
  if (fencing === null || fencing.node !== node || fencing.retryAtUs !== null) return [];
  if (ok) {
    state.fencing = null;
    if (state.fenceFailures.has(node)) {
      const failures = new Map(state.fenceFailures);
      failures.delete(node);
      state.fenceFailures = failures;
    }
    return promote(state, fencing.candidate, node, context, {
      automatic: !fencing.planned,
      planned: fencing.planned,
    });
  }
  const failures = (state.fenceFailures.get(node) ?? 0) + 1;
  state.fenceFailures = new Map(state.fenceFailures).set(node, failures);
  const { maxAttempts, recheckIntervalUs } = context.policy.stonith;
  if (failures < maxAttempts) return [fenceAttempt(state, node)];
  // Pacemaker does not start the resource elsewhere without successful fencing, and after
  // stonith-max-attempts failures it stops retrying at once: the next attempt comes with the next
  // transition — the cluster recheck, or a new failure of the node. No longer suspected, the node
  // needs no fencing now.
  if (!primarySuspected(state, known, context.policy)) {
    state.fencing = null;
    return [];
  }
  fencing.retryAtUs = context.nowUs + recheckIntervalUs;
  return [
    {
      kind: "no-candidate",
      node,
      reason: `fencing ${node} failed ${failures} times (maxAttempts ${maxAttempts}); next attempt at the cluster recheck, ${fencing.retryAtUs / 1e6} s`,
    },
    { kind: "timer", atUs: fencing.retryAtUs },
  ];
}

/** The cluster recheck after fencing was given up: try again if the node is still suspected. */
export function recheckFencing(
  state: ClusterState,
  known: MonitorKnowledge,
  context: PolicyContext,
): Command[] {
  const fencing = state.fencing;
  if (fencing === null || fencing.retryAtUs === null || context.nowUs < fencing.retryAtUs)
    return [];
  if (!primarySuspected(state, known, context.policy)) {
    state.fencing = null;
    return [];
  }
  fencing.retryAtUs = null;
  return [fenceAttempt(state, fencing.node)];
}

/** Fencing that waits for the recheck is dropped once the node is trusted again: should it fail
 *  anew, that is a new transition, which fences it at once. */
export function dropWaitingFencing(
  state: ClusterState,
  known: MonitorKnowledge,
  policy: FailoverConfig,
): void {
  if (
    state.fencing !== null &&
    state.fencing.retryAtUs !== null &&
    !primarySuspected(state, known, policy)
  )
    state.fencing = null;
}
