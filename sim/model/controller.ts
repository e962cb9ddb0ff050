// The failover policy: the controller decides, the world acts. `learn` folds an observation into
// what one monitor knows; `decide` (run by the acting controller only) is pure: from the cluster
// state, the monitor's knowledge and an observation it returns the next state and the commands,
// as data, that the monitor carries out — the state it was handed is never changed (within one
// decision the rules work on a draft, a copy of it, which becomes the next state). The rules
// (failover-rules.ts, failback-rules.ts, and reconcile below):
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
//   (the command was lost on the way) is ordered again, as often as that stays true;
// - isr replication: the in-sync replica set a confirmed leader of the current epoch proposes
//   becomes the cluster's (the controller acknowledges it: AlterPartition) unless it adds a
//   broker a monitor suspects; a member suspected by a quorum is fenced and removed from the set
//   at once, and the leader told (Kafka's controller does so when a broker's session expires);
//   an election picks from the set unless unclean election is on (candidates.ts).
import type {
  ClusterState,
  Command,
  Decision,
  MonitorKnowledge,
  NodeReport,
  Observation,
  PolicyContext,
} from "./cluster-state.ts";
import {
  cancelHandover,
  completeHandover,
  failback,
  healthyStandby,
  operatorActs,
} from "./failback-rules.ts";
import {
  afterFencing,
  confirmPromotion,
  dropWaitingFencing,
  failover,
  recheckFencing,
} from "./failover-rules.ts";
import { isrOf, ordered } from "./policy-steps.ts";

export type { PolicyContext };

/** An ordered promotion still unheard of after this long is ordered again. A command arrives in a
 *  network latency (milliseconds) and the node reports every detector interval (1 s in most
 *  presets), so a report of the old epoch a second after the order means the order was lost —
 *  never a report already on its way when the order left. */
export const promoteRetryUs = 1_000_000;

/** Folds an observation into one monitor's knowledge (its own, which it keeps); every monitor
 *  does this, acting or not. Returns the cluster state, with the primary's "no candidate" note
 *  cleared when a monitor trusts the primary again (a new object only when that changes). */
export function learn(
  known: MonitorKnowledge,
  observation: Observation,
  state: ClusterState,
  nowUs: number,
): ClusterState {
  let next = state;
  if (observation.kind === "verdict") {
    const monitors = known.suspectedBy.get(observation.node)!;
    if (observation.suspect) monitors.add(observation.monitor);
    else monitors.delete(observation.monitor);
    if (observation.node === state.primary && !observation.suspect && state.noCandidateReported)
      next = { ...state, noCandidateReported: false };
  }
  if (observation.kind === "report") known.reports.set(observation.node, observation.report);
  if (observation.kind === "isr" && acceptsIsr(state, observation, known))
    next = { ...next, isr: { epoch: observation.epoch, members: observation.members } };
  if (observation.kind === "verdict" || observation.kind === "report") {
    const node = observation.node;
    if (healthyStandby(known, next, node)) {
      if (!known.healthySinceUs.has(node)) known.healthySinceUs.set(node, nowUs);
    } else {
      known.healthySinceUs.delete(node);
    }
  }
  return next;
}

/** The policy's decision on one observation: the next cluster state and the commands. Pure: the
 *  state and the knowledge handed in are not changed. */
export function decide(
  state: Readonly<ClusterState>,
  known: MonitorKnowledge,
  observation: Observation,
  context: PolicyContext,
): Decision {
  const draft = draftOf(state);
  return { state: draft, commands: rules(draft, known, observation, context) };
}

/** A copy of the state that the rules may change, nested parts included (the fence failures
 *  are replaced, never changed). Field by field, so that every draft has one shape: this runs for
 *  every observation the acting controller hears. */
function draftOf(state: Readonly<ClusterState>): ClusterState {
  return {
    epoch: state.epoch,
    primary: state.primary,
    originalPrimary: state.originalPrimary,
    promoting: state.promoting,
    lastPromote: state.lastPromote && { ...state.lastPromote },
    confirmedEpoch: state.confirmedEpoch,
    confirmedPrimary: state.confirmedPrimary,
    noCandidateReported: state.noCandidateReported,
    blockedUntilUs: state.blockedUntilUs,
    fencing: state.fencing && { ...state.fencing },
    fenceFailures: state.fenceFailures,
    operator: state.operator && { ...state.operator },
    handover: state.handover && { ...state.handover },
    isr: state.isr,
  };
}

/** Which rules an observation calls for, in order, each working on the draft. */
function rules(
  state: ClusterState,
  known: MonitorKnowledge,
  observation: Observation,
  context: PolicyContext,
): Command[] {
  switch (observation.kind) {
    case "verdict":
      dropWaitingFencing(state, known, context.policy);
      return [
        ...cancelHandover(state, known, context),
        ...failover(state, known, context),
        ...fenceFromIsr(state, known, context),
      ];
    case "report":
      // Promoted into the current epoch, whatever its role now (min-replicas fencing may already
      // hold it back until its replicas follow, which is what confirming tells them to do), and
      // even after the controller gave up waiting for it.
      const { report } = observation;
      if (
        observation.node === state.primary &&
        state.confirmedEpoch !== state.epoch &&
        report.epoch === state.epoch &&
        report.primaryEpoch === state.epoch
      ) {
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
      if (
        observation.epoch !== state.epoch ||
        observation.node !== state.primary ||
        state.confirmedEpoch === state.epoch
      )
        return [];
      return confirmPromotion(state, observation.node, context);
    case "fenced":
      return afterFencing(state, known, observation.node, observation.ok, context);
    case "timer":
      return [...recheckFencing(state, known, context), ...operatorActs(state, known, context)];
    case "isr":
      return [];
    default: {
      const unknown: never = observation;
      throw new Error(`unknown observation ${JSON.stringify(unknown)}`);
    }
  }
}

/** Whether an ISR proposal comes from the confirmed leader of the current epoch (only it may
 *  change the set; a deposed leader's proposal is refused, so it can never shrink the set alone)
 *  and adds no broker a monitor suspects (a fenced broker is not eligible). */
export function acceptsIsr(
  state: Readonly<ClusterState>,
  proposal: { node: string; epoch: number; members: readonly string[] },
  known: MonitorKnowledge,
): boolean {
  if (
    state.isr === null ||
    proposal.node !== state.primary ||
    proposal.epoch !== state.epoch ||
    state.confirmedEpoch !== state.epoch
  )
    return false;
  const current = state.isr.members;
  return proposal.members.every(
    (member) => current.includes(member) || known.suspectedBy.get(member)?.size === 0,
  );
}

/** Whether the cluster's ISR is `members` for `epoch` (the controller acknowledges a proposal). */
export function holdsIsr(
  state: Readonly<ClusterState>,
  epoch: number,
  members: readonly string[],
): boolean {
  const isr = state.isr;
  return (
    isr !== null &&
    isr.epoch === epoch &&
    isr.members.length === members.length &&
    isr.members.every((member, i) => member === members[i])
  );
}

/** isr: members a quorum suspects are fenced out of the confirmed leader's in-sync set. */
function fenceFromIsr(
  state: ClusterState,
  known: MonitorKnowledge,
  context: PolicyContext,
): Command[] {
  const isr = state.isr;
  if (isr === null || state.confirmedEpoch !== state.epoch || isr.epoch !== state.epoch) return [];
  const members = isr.members.filter(
    (member) => known.suspectedBy.get(member)!.size < context.policy.quorum,
  );
  if (members.length === isr.members.length) return [];
  state.isr = { epoch: isr.epoch, members };
  return [{ kind: "isr-shrink", node: state.primary, epoch: isr.epoch, members }];
}

/** Commands that bring one node's reported role in line with the cluster state. */
function reconcile(
  state: ClusterState,
  node: string,
  report: NodeReport,
  nowUs: number,
): Command[] {
  if (node === state.primary) {
    const last = state.lastPromote;
    const promotionOrdered =
      last !== null && last.command.node === node && last.command.epoch === state.epoch;
    // Restarted: it resumes if it served as primary in this epoch; if a crash cut its promotion
    // short, the promotion is ordered again in the same epoch.
    if (report.role === "rejoining" && report.epoch === state.epoch) {
      if (report.primaryEpoch === state.epoch)
        return state.promoting === null
          ? [{ kind: "resume", node, epoch: state.epoch, ...isrOf(state) }]
          : [];
      if (!promotionOrdered) return [];
      state.promoting = node;
      return [ordered(state, { ...last.command, resent: true }, nowUs)];
    }
    // A node of an older epoch, whatever its role (a cold standby still off, a stepped-down
    // primary), never got the order or never acted on it — unless its promotion is confirmed:
    // then the report is older than the confirmation (on its way, or held by a pause).
    const unheard = report.epoch < state.epoch && state.confirmedEpoch !== state.epoch;
    if (unheard && promotionOrdered && nowUs - last.sentUs >= promoteRetryUs) {
      state.promoting = node;
      return [ordered(state, { ...last.command, resent: true }, nowUs)];
    }
    return [];
  }
  // Nobody is pointed at a primary that has not confirmed its promotion (it may never).
  if (state.promoting !== null || state.confirmedEpoch !== state.epoch || report.role === "off")
    return [];
  if (state.handover !== null && node === state.handover.from) return [];
  const stale =
    (report.role === "primary" ||
      report.role === "fenced" ||
      report.role === "booting" ||
      report.role === "catching-up" ||
      report.role === "promoting") &&
    report.epoch < state.epoch;
  const lost =
    report.role === "rejoining" || (report.role === "standby" && report.upstream !== state.primary);
  return stale || lost
    ? [{ kind: "follow", node, primary: state.primary, epoch: state.epoch }]
    : [];
}
