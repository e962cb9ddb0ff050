// `sim explain`'s sentences for the mechanisms of some systems: a client's circuit breaker
// changing state, a Kafka leader's in-sync replica set changing, an autoscaled fleet scaling out
// and serving more, a restart policy's back-off and restarts. explain-sentences.ts asks here for
// every event it has no sentence of its own for; null: none here either.
import { spokenDuration } from "../dsl/index.ts";
import type { TraceEvent, WorldConfig } from "../model/index.ts";
import { count, listed, plural } from "./explain-words.ts";

export function mechanismSentence(event: TraceEvent, world: WorldConfig): string | null {
  switch (event.kind) {
    case "breaker":
      return breakerSentence(event);
    case "isr":
      return isrSentence(event, world);
    case "scale_out":
      return `${event.node}'s autoscaler launches ${count(event.launching)} ${plural(event.launching, "instance")} (${count(event.instances)} in all); ${event.launching === 1 ? "it serves" : "they serve"} from ${spokenDuration(event.readyAtUs)}, ${spokenDuration(event.readyAtUs - event.tUs)} after the decision.`;
    case "capacity":
      return `${event.node} now handles ${count(event.capacityPerS)} requests/s (${count(event.instances)} ${plural(event.instances, "instance")}).`;
    case "back_off":
      return `${event.node}'s restart policy holds it down for ${spokenDuration(event.untilUs - event.tUs)}, until ${spokenDuration(event.untilUs)}, before starting it again (CrashLoopBackOff: each wait doubles).`;
    case "auto_restart":
      return `${event.node}'s restart policy starts it again (restart ${event.restarts}).`;
    default:
      return null;
  }
}

function isrSentence(event: Extract<TraceEvent, { kind: "isr" }>, world: WorldConfig): string {
  const { node, members, left, joined } = event;
  const { lagTimeMaxUs, minInsync } = world.replication;
  const why = event.fenced
    ? "fenced: no heartbeat reached the controller in time"
    : `not caught up for ${spokenDuration(lagTimeMaxUs)}`;
  const changes = [
    ...(left.length > 0
      ? [`${listed(left)} ${left.length === 1 ? "leaves" : "leave"} it (${why})`]
      : []),
    ...(joined.length > 0
      ? [`${listed(joined)} ${joined.length === 1 ? "joins" : "join"} it (caught up)`]
      : []),
  ];
  const replicas = members.length + 1;
  const then =
    replicas < minInsync
      ? `with ${replicas} of the ${minInsync} replicas min.insync.replicas asks for, ${node} refuses writes (NotEnoughReplicas)`
      : `a write now waits for ${members.length === 0 ? "no follower" : listed(members)}`;
  return `The controller commits ${node}'s new in-sync replica set: ${changes.join("; ")}; ${then}.`;
}

function breakerSentence(event: Extract<TraceEvent, { kind: "breaker" }>): string {
  const { client, failures, fires, rejected } = event;
  switch (event.state) {
    case "open":
      return `${client}'s circuit breaker opens (${count(failures)} failures against ${count(fires)} calls in its window): calls now fail at once, and none reaches the server.`;
    case "half-open":
      return `${client}'s circuit breaker is half-open: one trial call may go out (while open it stopped ${count(rejected)} ${plural(rejected, "call")} from leaving).`;
    case "closed":
      return `${client}'s circuit breaker closes: the trial call succeeded, calls go out again.`;
  }
}
