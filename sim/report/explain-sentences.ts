// One main trace event as a sentence for `sim explain`, the way a teacher would say it: the
// fault in plain words, a suspicion in the terms of the scenario's detector ("has heard nothing
// from db1 for 3 s"), what a role means for writes ("fenced: it may not take writes"). Times
// are in the one human style (dsl/spoken.ts), like the story's time column. Events this file has no special
// sentence for use the report's narrative (html/narrative.ts), so no event is ever skipped.
import {
  detectorKindOf,
  faultKindOf,
  rejoinKindOf,
  routingKindOf,
  type TraceEvent,
  type TraceRole,
  type WorldConfig,
} from "../model/index.ts";
import { spokenDuration } from "../dsl/index.ts";
import { sentence as narrativeSentence } from "./html/narrative.ts";
import { mechanismSentence } from "./explain-mechanisms.ts";
import { count, listed, plural } from "./explain-words.ts";

export { count, listed, plural };

/** "between 2 min 00 s and 2 min 03 s", or "at 2 min 00 s" when both read the same. */
export function span(firstUs: number, lastUs: number): string {
  const [first, last] = [spokenDuration(firstUs), spokenDuration(lastUs)];
  return first === last ? `at ${first}` : `between ${first} and ${last}`;
}

export function explainSentence(event: TraceEvent, world: WorldConfig): string {
  switch (event.kind) {
    case "fault":
      return faultKindOf(event.fault.kind).explain(event.fault, event.label, world);
    case "suspect":
    case "trust":
      return verdictSentence(event.kind, [event.monitor], event.node, world);
    case "role":
      return event.tUs === 0
        ? narrativeSentence(event, world)
        : roleSentence(event.node, event.role, event.epoch);
    case "reroute":
      return rerouteSentence(event.client, event.target, world);
    case "no_candidate":
      return `${event.monitor} would replace ${event.node}, but no standby qualifies: ${event.reason}.`;
    case "warm_up":
      return `${event.node} warms up: it serves only ${Math.round(event.capacity * 100)}% of writes until ${spokenDuration(event.untilUs)} (cold caches); the rest are rejected.`;
    case "restored":
      return `${event.node} has restored ${count(event.length)} log entries from the base backup and the archive, ${count(event.replayed)} of them replayed from the archive.`;
    case "semi_sync":
      return event.on
        ? `${event.node}'s standbys have caught up: commits wait for a standby again (semi-sync).`
        : `${event.node} stops waiting for its standbys: semi-sync timed out and falls back to async — writes are now acknowledged before any standby has them.`;
    case "fencing":
      return fencingSentence(event.node, event.outcome, event.attempt);
    case "operator":
      return operatorSentence(event.action, event.node);
    case "node_paused":
      return `${event.node}'s process is frozen until ${spokenDuration(event.untilUs)}; messages to it wait.`;
    case "node_resumed":
      return `${event.node} resumes exactly where it stopped, unaware that time has passed.`;
    case "promoted": {
      if (event.planned) {
        return `${event.node} is promoted (epoch ${event.epoch}): the role returns to the original primary in a planned handover from ${event.previous}.`;
      }
      const back = event.failback ? " — the original primary taking its role back" : "";
      const previous = event.previousAlive
        ? ` — a false failover: ${event.previous} is still running`
        : ` (${event.previous} is down)`;
      return `${event.node} is promoted: it accepts writes as primary of epoch ${event.epoch}, replacing ${event.previous}${back}${previous}.`;
    }
    case "rewind": {
      const what =
        event.discarded === 1 ? "the log entry" : `the ${count(event.discarded)} log entries`;
      const acked =
        event.discarded === 1
          ? event.discardedAcked === 1
            ? "it was acknowledged to a client"
            : "it was never acknowledged"
          : event.discardedAcked === 0
            ? "none of them acknowledged to a client"
            : event.discardedAcked === event.discarded
              ? "every one acknowledged to a client"
              : `${count(event.discardedAcked)} of them acknowledged to a client`;
      return `${event.node} rewinds: it discards ${what} the new primary's history lacks — ${acked}.`;
    }
    case "rejoin":
      return event.untilUs < 0
        ? `${event.node}, a deposed primary, stays out for good: no operator manages to put it back.`
        : rejoinKindOf(event.mode).explain(event.node, spokenDuration(event.untilUs - event.tUs));
    case "writes_lost":
      return (
        `${count(event.count)} acknowledged ${plural(event.count, "write")} accepted by ${event.node} ${span(event.firstUs, event.lastUs)} ` +
        `${event.count === 1 ? "is" : "are"} missing from the final history: lost.`
      );
    default:
      return mechanismSentence(event, world) ?? narrativeSentence(event, world);
  }
}

/** One or more monitors changing their verdict on `node` at the same moment. */
export function verdictSentence(
  kind: "suspect" | "trust",
  monitors: readonly string[],
  node: string,
  world: WorldConfig,
): string {
  const who = listed(monitors);
  const one = monitors.length === 1;
  if (kind === "trust")
    return `${who} ${one ? "hears" : "hear"} from ${node} again and ${one ? "trusts" : "trust"} it.`;
  return `${detectorKindOf(world.detector.kind).suspicion(world.detector, who, one, node)}; ${one ? `${who} suspects` : "they suspect"} ${node}.`;
}

const roleMeanings: Record<TraceRole, string> = {
  primary: "it accepts writes",
  standby: "it follows the primary and takes no writes",
  fenced: "it may not take writes",
  off: "switched off",
  booting: "its machine is starting",
  "catching-up": "it applies the log it is missing before it can be promoted",
  promoting: "it will accept writes once the promotion completes",
  rejoining: "it takes no writes until it has rejoined the cluster",
};

function roleSentence(node: string, role: TraceRole, epoch: number): string {
  return `${node} is now ${role.replace(/-/g, " ")} (epoch ${epoch}): ${roleMeanings[role]}.`;
}

function rerouteSentence(client: string, target: string, world: WorldConfig): string {
  const routing = world.clients.find((group) => group.name === client)?.routing.kind ?? "proxy";
  return routingKindOf(routing).rerouteSentence(client, target);
}

function fencingSentence(
  node: string,
  outcome: "started" | "powered-off" | "failed",
  attempt: number,
): string {
  switch (outcome) {
    case "started":
      return `The fencing device starts powering ${node} off (STONITH, attempt ${attempt}).`;
    case "powered-off":
      return `${node} is powered off by the fencing device: it can no longer take writes.`;
    case "failed":
      return `Fencing ${node} failed (attempt ${attempt}).`;
  }
}

function operatorSentence(action: string, node: string): string {
  const paged = /^paged for a (\w+)$/.exec(action);
  if (paged) return `The operator is paged for a ${paged[1]} (the primary is ${node}).`;
  const performs = /^performs the (\w+)$/.exec(action);
  if (performs) return `The operator performs the ${performs[1]}.`;
  const failed = /^(\w+) attempt failed$/.exec(action);
  if (failed) return `The operator's ${failed[1]} attempt goes wrong; they will try again.`;
  const unneeded = /^(\w+) no longer needed$/.exec(action);
  if (unneeded) return `The operator stands down: the ${unneeded[1]} is no longer needed.`;
  return `The operator: ${action}.`;
}
