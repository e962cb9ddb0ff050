// The failover policy: the controller decides, the world acts. `learn` folds an observation into
// what one monitor knows; `decide` (run by the acting controller only) returns commands as data
// and updates the shared cluster state. Rules:
// - failover: when `quorum` monitors suspect the primary — at once if automatic (unless an
//   anti-flapping block holds), after an operator's delay if manual — promote the best standby
//   (candidates.ts) into a new epoch; with STONITH, power the old primary off first. A failed
//   fencing attempt is retried at once until the target has failed `maxAttempts` times since its
//   last successful fencing; then the controller says so in the timeline and waits for the
//   cluster recheck (`recheckInterval`) — or for the node to be trusted and fail anew — before
//   it tries again, as Pacemaker's controller does (stonith-max-attempts,
//   cluster-recheck-interval);
// - once the promoted node confirms — by its message, or by reporting that it was promoted into
//   the epoch when that message was lost (the controller was down, say) — repoint every router and
//   every other data node at it (a deposed primary that hears this becomes a standby and rewinds);
//   nobody is pointed at a node before it confirms; if it fails first, the failover is called off
//   when the primary it was to replace still serves (promoted back into a newer epoch), and goes
//   on to another candidate otherwise;
// - failback: when the original primary has been a healthy, caught-up standby (at once, after a
//   hold-down, or when an operator gets to it), the current primary steps down, and the original
//   is promoted once it holds everything; if the original fails meanwhile, the handover is called
//   off and the stepped-down primary takes writes again — in its own epoch if the original was not
//   ordered promoted yet, else promoted at once into a newer one;
// - a node reporting a stale epoch, a restarted node, or a standby following the wrong upstream
//   is told whom to follow; a restarted node that is still the primary resumes if it served as
//   primary in the current epoch, and is ordered promoted again if a crash cut its promotion short;
// - a promotion whose node still reports the old epoch `promoteRetryUs` after it was ordered
//   (the command was lost on the way) is ordered again, as often as that stays true.
import { bestCandidate } from "./candidates.ts";
import type { ClusterState, Command, MonitorKnowledge, NodeReport, Observation, PromoteCommand } from "./cluster-state.ts";
import type { FailoverConfig } from "./config.ts";
import { failbackKindOf } from "./failback/index.ts";
import { fencingMechanisms } from "./fencing/index.ts";

export interface PolicyContext {
  policy: FailoverConfig;
  nowUs: number;
  dataNodes: readonly string[];
  zones: ReadonlyMap<string, string>;
  /** A uniform draw on [0, 1) from the controller's own random stream (operator behaviour). */
  draw(): number;
}

/** A standby whose newest entry is within this of the primary's counts as caught up (for failback). */
export const caughtUpWithinUs = 1_000_000;

/** An ordered promotion still unheard of after this long is ordered again. A command arrives in a
 *  network latency (milliseconds) and the node reports every detector interval (1 s in most
 *  presets), so a report of the old epoch a second after the order means the order was lost —
 *  never a report already on its way when the order left. */
export const promoteRetryUs = 1_000_000;

/** Folds an observation into one monitor's knowledge; every monitor does this, acting or not. */
export function learn(known: MonitorKnowledge, observation: Observation, state: ClusterState, nowUs: number): void {
  if (observation.kind === "verdict") {
    const monitors = known.suspectedBy.get(observation.node)!;
    if (observation.suspect) monitors.add(observation.monitor);
    else monitors.delete(observation.monitor);
    if (observation.node === state.primary && !observation.suspect) state.noCandidateReported = false;
  }
  if (observation.kind === "report") known.reports.set(observation.node, observation.report);
  if (observation.kind === "verdict" || observation.kind === "report") {
    const node = observation.node;
    if (healthyStandby(known, state, node)) {
      if (!known.healthySinceUs.has(node)) known.healthySinceUs.set(node, nowUs);
    } else {
      known.healthySinceUs.delete(node);
    }
  }
}

export function decide(state: ClusterState, known: MonitorKnowledge, observation: Observation, context: PolicyContext): Command[] {
  switch (observation.kind) {
    case "verdict":
      dropWaitingFencing(state, known, context.policy);
      return [...cancelHandover(state, known, context), ...failover(state, known, context)];
    case "report":
      // Promoted into the current epoch, whatever its role now (min-replicas fencing may already
      // hold it back until its replicas follow, which is what confirming tells them to do), and
      // even after the controller gave up waiting for it.
      const { report } = observation;
      if (observation.node === state.primary && state.confirmedEpoch !== state.epoch && report.epoch === state.epoch && report.primaryEpoch === state.epoch) {
        return confirmPromotion(state, observation.node, context);
      }
      return [
        ...reconcile(state, observation.node, observation.report, context.nowUs),
        ...cancelHandover(state, known, context),
        ...completeHandover(state, known, context.nowUs),
        ...failover(state, known, context),
        ...failback(state, known, context),
      ];
    case "promoted":
      if (observation.epoch !== state.epoch || observation.node !== state.primary || state.confirmedEpoch === state.epoch) return [];
      return confirmPromotion(state, observation.node, context);
    case "fenced":
      return afterFencing(state, known, observation.node, observation.ok, context);
    case "timer":
      return [...recheckFencing(state, known, context), ...operatorActs(state, known, context)];
    default: {
      const unknown: never = observation;
      throw new Error(`unknown observation ${JSON.stringify(unknown)}`);
    }
  }
}

/** The promoted node takes writes: point the routers and every other data node at it. */
function confirmPromotion(state: ClusterState, primary: string, context: PolicyContext): Command[] {
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

function primarySuspected(state: ClusterState, known: MonitorKnowledge, policy: FailoverConfig): boolean {
  return known.suspectedBy.get(state.primary)!.size >= policy.quorum;
}

function failover(state: ClusterState, known: MonitorKnowledge, context: PolicyContext): Command[] {
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
    return [{ kind: "no-candidate", node: state.primary, reason: `automatic recovery blocked until ${state.blockedUntilUs / 1e6} s` }];
  }
  return startFailover(state, known, context, true);
}

/** The node being promoted failed before it confirmed, while the primary it was to replace still
 *  serves (trusted again, holding its epoch, stepped aside at most — never under STONITH, which
 *  powered it off): that primary is promoted back at once, into a newer epoch, which makes the
 *  abandoned one stale should its promotion still end. */
function callOff(state: ClusterState, known: MonitorKnowledge, context: PolicyContext): Command[] {
  // Under STONITH the primary being replaced was powered off before the promotion was ordered.
  if (fencingMechanisms(context.policy.fencing).powersOffFirst) return [];
  const serving = state.confirmedPrimary;
  const report = known.reports.get(serving);
  if (serving === state.primary || report === undefined || known.suspectedBy.get(serving)!.size > 0) return [];
  if ((report.role !== "primary" && report.role !== "fenced") || report.primaryEpoch !== report.epoch) return [];
  return promote(state, serving, state.primary, context, { automatic: false, planned: false });
}

function startFailover(state: ClusterState, known: MonitorKnowledge, context: PolicyContext, automatic: boolean): Command[] {
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

function fenceAttempt(state: ClusterState, node: string): Command {
  return { kind: "fence", node, attempt: (state.fenceFailures.get(node) ?? 0) + 1 };
}

/** Orders `candidate` promoted into a new epoch, replacing `from`. `automatic` starts the
 *  anti-flapping block; `planned` marks a handover rather than a reaction to a failure. */
function promote(state: ClusterState, candidate: string, from: string, context: PolicyContext, kind: { automatic: boolean; planned: boolean }): Command[] {
  state.epoch += 1;
  state.primary = candidate;
  state.promoting = candidate;
  state.noCandidateReported = false;
  if (kind.automatic && context.policy.blockForUs > 0) state.blockedUntilUs = context.nowUs + context.policy.blockForUs;
  return [ordered(state, { kind: "promote", node: candidate, epoch: state.epoch, from, planned: kind.planned }, context.nowUs)];
}

/** Records a promotion order (to send it again if it is lost) and returns it. */
function ordered(state: ClusterState, command: PromoteCommand, nowUs: number): PromoteCommand {
  state.lastPromote = { command, sentUs: nowUs };
  return command;
}

function afterFencing(state: ClusterState, known: MonitorKnowledge, node: string, ok: boolean, context: PolicyContext): Command[] {
  const fencing = state.fencing;
  if (fencing === null || fencing.node !== node || fencing.retryAtUs !== null) return [];
  if (ok) {
    state.fencing = null;
    state.fenceFailures.delete(node);
    return promote(state, fencing.candidate, node, context, { automatic: !fencing.planned, planned: fencing.planned });
  }
  const failures = (state.fenceFailures.get(node) ?? 0) + 1;
  state.fenceFailures.set(node, failures);
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
    { kind: "no-candidate", node, reason: `fencing ${node} failed ${failures} times (maxAttempts ${maxAttempts}); next attempt at the cluster recheck, ${fencing.retryAtUs / 1e6} s` },
    { kind: "timer", atUs: fencing.retryAtUs },
  ];
}

/** The cluster recheck after fencing was given up: try again if the node is still suspected. */
function recheckFencing(state: ClusterState, known: MonitorKnowledge, context: PolicyContext): Command[] {
  const fencing = state.fencing;
  if (fencing === null || fencing.retryAtUs === null || context.nowUs < fencing.retryAtUs) return [];
  if (!primarySuspected(state, known, context.policy)) {
    state.fencing = null;
    return [];
  }
  fencing.retryAtUs = null;
  return [fenceAttempt(state, fencing.node)];
}

/** Fencing that waits for the recheck is dropped once the node is trusted again: should it fail
 *  anew, that is a new transition, which fences it at once. */
function dropWaitingFencing(state: ClusterState, known: MonitorKnowledge, policy: FailoverConfig): void {
  if (state.fencing !== null && state.fencing.retryAtUs !== null && !primarySuspected(state, known, policy)) state.fencing = null;
}

/** Pages the operator, who will act after a delay drawn from the operator's range. */
function page(state: ClusterState, action: "failover" | "failback", context: PolicyContext): Command[] {
  const operator = context.policy.operator!;
  const delayUs = Math.round(operator.minDelayUs + context.draw() * (operator.maxDelayUs - operator.minDelayUs));
  state.operator = { action, dueUs: context.nowUs + delayUs };
  return [
    { kind: "operator", action: `paged for a ${action}`, node: state.primary, ok: true },
    { kind: "timer", atUs: context.nowUs + delayUs },
  ];
}

function operatorActs(state: ClusterState, known: MonitorKnowledge, context: PolicyContext): Command[] {
  const pending = state.operator;
  if (pending === null || context.nowUs < pending.dueUs) return [];
  state.operator = null;
  const stillNeeded =
    pending.action === "failover"
      ? primarySuspected(state, known, context.policy) && state.fencing === null && state.promoting === null
      : failbackReady(state, known, context);
  if (!stillNeeded) return [{ kind: "operator", action: `${pending.action} no longer needed`, node: state.primary, ok: true }];
  if (context.draw() < context.policy.operator!.errorProbability) {
    return [{ kind: "operator", action: `${pending.action} attempt failed`, node: state.primary, ok: false }, ...page(state, pending.action, context)];
  }
  const done: Command = { kind: "operator", action: `performs the ${pending.action}`, node: state.primary, ok: true };
  return [done, ...(pending.action === "failover" ? startFailover(state, known, context, false) : startHandover(state))];
}

function healthyStandby(known: MonitorKnowledge, state: ClusterState, node: string): boolean {
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
function failbackReady(state: ClusterState, known: MonitorKnowledge, context: PolicyContext): boolean {
  if (state.primary === state.originalPrimary) return false;
  if (state.promoting !== null || state.handover !== null || state.fencing !== null) return false;
  const since = known.healthySinceUs.get(state.originalPrimary);
  if (since === undefined) return false;
  return failbackKindOf(context.policy.failback).due(since, context.nowUs, context.policy);
}

function failback(state: ClusterState, known: MonitorKnowledge, context: PolicyContext): Command[] {
  if (state.operator !== null || !failbackReady(state, known, context)) return [];
  if (failbackKindOf(context.policy.failback).byOperator) return context.policy.operator ? page(state, "failback", context) : [];
  return startHandover(state);
}

function startHandover(state: ClusterState): Command[] {
  state.handover = { from: state.primary, to: state.originalPrimary };
  return [{ kind: "step-down", node: state.primary, epoch: state.epoch }];
}

/** The stepped-down primary holds no write the original lacks: promote the original. */
function completeHandover(state: ClusterState, known: MonitorKnowledge, nowUs: number): Command[] {
  const handover = state.handover;
  if (handover === null || state.promoting !== null) return [];
  const from = known.reports.get(handover.from);
  const to = known.reports.get(handover.to);
  if (!from || !to || from.role !== "fenced" || to.role !== "standby" || to.logLength < from.logLength) return [];
  state.epoch += 1;
  state.primary = handover.to;
  state.promoting = handover.to;
  return [ordered(state, { kind: "promote", node: handover.to, epoch: state.epoch, from: handover.from, planned: true }, nowUs)];
}

/** The failback target failed meanwhile: the stepped-down primary takes writes again — in its
 *  own epoch while the target was not yet ordered promoted, else promoted at once into a newer
 *  epoch than the target's (that one was granted to the target and must not serve twice); with
 *  STONITH, once the target, which may still be promoting, is powered off. */
function cancelHandover(state: ClusterState, known: MonitorKnowledge, context: PolicyContext): Command[] {
  const handover = state.handover;
  if (handover === null || known.suspectedBy.get(handover.to)!.size === 0) return [];
  if (state.promoting !== null && state.promoting !== handover.to) return [];
  state.handover = null;
  if (state.primary === handover.from) return [{ kind: "resume", node: handover.from, epoch: state.epoch }];
  state.promoting = null;
  if (fencingMechanisms(context.policy.fencing).powersOffFirst) {
    state.fencing = { node: handover.to, candidate: handover.from, planned: true, retryAtUs: null };
    return [fenceAttempt(state, handover.to)];
  }
  return promote(state, handover.from, handover.to, context, { automatic: false, planned: true });
}

/** Commands that bring one node's reported role in line with the cluster state. */
function reconcile(state: ClusterState, node: string, report: NodeReport, nowUs: number): Command[] {
  if (node === state.primary) {
    const last = state.lastPromote;
    const promotionOrdered = last !== null && last.command.node === node && last.command.epoch === state.epoch;
    // Restarted: it resumes if it served as primary in this epoch; if a crash cut its promotion
    // short, the promotion is ordered again in the same epoch.
    if (report.role === "rejoining" && report.epoch === state.epoch) {
      if (report.primaryEpoch === state.epoch) return state.promoting === null ? [{ kind: "resume", node, epoch: state.epoch }] : [];
      if (!promotionOrdered) return [];
      state.promoting = node;
      return [ordered(state, { ...last.command, resent: true }, nowUs)];
    }
    // A node of an older epoch, whatever its role (a cold standby still off, a stepped-down
    // primary), never got the order or never acted on it.
    const unheard = report.epoch < state.epoch;
    if (unheard && promotionOrdered && nowUs - last.sentUs >= promoteRetryUs) {
      state.promoting = node;
      return [ordered(state, { ...last.command, resent: true }, nowUs)];
    }
    return [];
  }
  // Nobody is pointed at a primary that has not confirmed its promotion (it may never).
  if (state.promoting !== null || state.confirmedEpoch !== state.epoch || report.role === "off") return [];
  if (state.handover !== null && node === state.handover.from) return [];
  const stale =
    (report.role === "primary" || report.role === "fenced" || report.role === "booting" || report.role === "catching-up" || report.role === "promoting") &&
    report.epoch < state.epoch;
  const lost = report.role === "rejoining" || (report.role === "standby" && report.upstream !== state.primary);
  return stale || lost ? [{ kind: "follow", node, primary: state.primary, epoch: state.epoch }] : [];
}
