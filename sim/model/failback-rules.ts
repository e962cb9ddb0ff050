// The failback rules of the policy (controller.ts has the whole list), on a draft of the cluster
// state: when the original primary has been a healthy, caught-up standby (its failback policy,
// failback/<kind>.ts, says when; an operator may be the one to act), the current primary steps
// down and the original is promoted once it holds everything; if the original fails meanwhile,
// the handover is called off and the stepped-down primary takes writes again — in its own epoch
// if the original was not ordered promoted yet, else promoted at once into a newer one. The
// operator's pending action (a manual failover or failback) is carried out here too.
import type { ClusterState, Command, MonitorKnowledge, PolicyContext } from "./cluster-state.ts";
import { failbackKindOf } from "./failback/index.ts";
import { startFailover } from "./failover-rules.ts";
import { fencingMechanisms } from "./fencing/index.ts";
import { fenceAttempt, ordered, page, primarySuspected, promote } from "./policy-steps.ts";

/** A standby whose newest entry is within this of the primary's counts as caught up (for failback). */
export const caughtUpWithinUs = 1_000_000;

export function healthyStandby(
  known: MonitorKnowledge,
  state: ClusterState,
  node: string,
): boolean {
  const report = known.reports.get(node);
  const primary = known.reports.get(state.primary);
  if (!report || !primary || node === state.primary) return false;
  return (
    report.role === "standby" &&
    report.upstream === state.primary &&
    known.suspectedBy.get(node)!.size === 0 &&
    report.lastCommitUs >= primary.lastCommitUs - caughtUpWithinUs
  );
}

/** Whether the policy would fail back now (the operator's own delay aside). */
export function failbackReady(
  state: ClusterState,
  known: MonitorKnowledge,
  context: PolicyContext,
): boolean {
  if (state.primary === state.originalPrimary) return false;
  if (state.promoting !== null || state.handover !== null || state.fencing !== null) return false;
  const since = known.healthySinceUs.get(state.originalPrimary);
  if (since === undefined) return false;
  return failbackKindOf(context.policy.failback).due(since, context.nowUs, context.policy);
}

export function failback(
  state: ClusterState,
  known: MonitorKnowledge,
  context: PolicyContext,
): Command[] {
  if (state.operator !== null || !failbackReady(state, known, context)) return [];
  if (failbackKindOf(context.policy.failback).byOperator)
    return context.policy.operator ? page(state, "failback", context) : [];
  return startHandover(state);
}

export function startHandover(state: ClusterState): Command[] {
  state.handover = { from: state.primary, to: state.originalPrimary };
  return [{ kind: "step-down", node: state.primary, epoch: state.epoch }];
}

/** The stepped-down primary holds no write the original lacks: promote the original. */
export function completeHandover(
  state: ClusterState,
  known: MonitorKnowledge,
  nowUs: number,
): Command[] {
  const handover = state.handover;
  if (handover === null || state.promoting !== null) return [];
  const from = known.reports.get(handover.from);
  const to = known.reports.get(handover.to);
  if (
    !from ||
    !to ||
    from.role !== "fenced" ||
    to.role !== "standby" ||
    to.logLength < from.logLength
  )
    return [];
  state.epoch += 1;
  state.primary = handover.to;
  state.promoting = handover.to;
  return [
    ordered(
      state,
      {
        kind: "promote",
        node: handover.to,
        epoch: state.epoch,
        from: handover.from,
        planned: true,
      },
      nowUs,
    ),
  ];
}

/** The failback target failed meanwhile: the stepped-down primary takes writes again — in its
 *  own epoch while the target was not yet ordered promoted, else promoted at once into a newer
 *  epoch than the target's (that one was granted to the target and must not serve twice); with
 *  STONITH, once the target, which may still be promoting, is powered off. */
export function cancelHandover(
  state: ClusterState,
  known: MonitorKnowledge,
  context: PolicyContext,
): Command[] {
  const handover = state.handover;
  if (handover === null || known.suspectedBy.get(handover.to)!.size === 0) return [];
  if (state.promoting !== null && state.promoting !== handover.to) return [];
  state.handover = null;
  if (state.primary === handover.from)
    return [{ kind: "resume", node: handover.from, epoch: state.epoch }];
  state.promoting = null;
  if (fencingMechanisms(context.policy.fencing).powersOffFirst) {
    state.fencing = { node: handover.to, candidate: handover.from, planned: true, retryAtUs: null };
    return [fenceAttempt(state, handover.to)];
  }
  return promote(state, handover.from, handover.to, context, { automatic: false, planned: true });
}

export function operatorActs(
  state: ClusterState,
  known: MonitorKnowledge,
  context: PolicyContext,
): Command[] {
  const pending = state.operator;
  if (pending === null || context.nowUs < pending.dueUs) return [];
  state.operator = null;
  const stillNeeded =
    pending.action === "failover"
      ? primarySuspected(state, known, context.policy) &&
        state.fencing === null &&
        state.promoting === null
      : failbackReady(state, known, context);
  if (!stillNeeded)
    return [
      {
        kind: "operator",
        action: `${pending.action} no longer needed`,
        node: state.primary,
        ok: true,
      },
    ];
  if (context.draw() < context.policy.operator!.errorProbability) {
    return [
      {
        kind: "operator",
        action: `${pending.action} attempt failed`,
        node: state.primary,
        ok: false,
      },
      ...page(state, pending.action, context),
    ];
  }
  const done: Command = {
    kind: "operator",
    action: `performs the ${pending.action}`,
    node: state.primary,
    ok: true,
  };
  return [
    done,
    ...(pending.action === "failover"
      ? startFailover(state, known, context, false)
      : startHandover(state)),
  ];
}
