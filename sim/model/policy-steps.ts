// The policy's basic steps, on a draft of the cluster state (controller.ts makes the draft and
// returns it as the next state): is the primary suspected by a quorum, order a promotion into a
// new epoch (and remember it, to order it again if it is lost), ask the fencing device for an
// attempt, page the operator. The rules (failover-rules.ts, failback-rules.ts) are built of these.
import type {
  ClusterState,
  Command,
  MonitorKnowledge,
  PolicyContext,
  PromoteCommand,
} from "./cluster-state.ts";
import type { FailoverConfig } from "./config.ts";

export function primarySuspected(
  state: ClusterState,
  known: MonitorKnowledge,
  policy: FailoverConfig,
): boolean {
  return known.suspectedBy.get(state.primary)!.size >= policy.quorum;
}

export function fenceAttempt(state: ClusterState, node: string): Command {
  return { kind: "fence", node, attempt: (state.fenceFailures.get(node) ?? 0) + 1 };
}

/** Orders `candidate` promoted into a new epoch, replacing `from`. `automatic` starts the
 *  anti-flapping block; `planned` marks a handover rather than a reaction to a failure. */
export function promote(
  state: ClusterState,
  candidate: string,
  from: string,
  context: PolicyContext,
  kind: { automatic: boolean; planned: boolean },
): Command[] {
  state.epoch += 1;
  state.primary = candidate;
  state.promoting = candidate;
  // isr: a replica from the set leads it, less itself; any other leader starts with none (an
  // unclean election, a handover) and the set grows as followers catch up.
  if (state.isr !== null) {
    const members = state.isr.members;
    state.isr = {
      epoch: state.epoch,
      members: members.includes(candidate) ? members.filter((name) => name !== candidate) : [],
    };
  }
  state.noCandidateReported = false;
  if (kind.automatic && context.policy.blockForUs > 0)
    state.blockedUntilUs = context.nowUs + context.policy.blockForUs;
  return [
    ordered(
      state,
      {
        kind: "promote",
        node: candidate,
        epoch: state.epoch,
        from,
        planned: kind.planned,
        ...isrOf(state),
      },
      context.nowUs,
    ),
  ];
}

/** isr replication: the current ISR, for a command that starts a leader's tenure. */
export function isrOf(state: ClusterState): { isr?: readonly string[] } {
  return state.isr === null ? {} : { isr: state.isr.members };
}

/** Records a promotion order (to send it again if it is lost) and returns it. */
export function ordered(
  state: ClusterState,
  command: PromoteCommand,
  nowUs: number,
): PromoteCommand {
  state.lastPromote = { command, sentUs: nowUs };
  return command;
}

/** Pages the operator, who will act after a delay drawn from the operator's range. */
export function page(
  state: ClusterState,
  action: "failover" | "failback",
  context: PolicyContext,
): Command[] {
  const operator = context.policy.operator!;
  const delayUs = Math.round(
    operator.minDelayUs + context.draw() * (operator.maxDelayUs - operator.minDelayUs),
  );
  state.operator = { action, dueUs: context.nowUs + delayUs };
  return [
    { kind: "operator", action: `paged for a ${action}`, node: state.primary, ok: true },
    { kind: "timer", atUs: context.nowUs + delayUs },
  ];
}
