// The story's asides and joined lines for `sim explain` (explain-story.ts gathers them): the
// writes that failed since the moment before, by reason; the writes a deposed primary accepted;
// connections of one client group moving to one target in a row, told as one line.
import { routingKindOf, type WorldConfig } from "../model/index.ts";
import { count, explainSentence, plural, span } from "./explain-sentences.ts";

export interface RerouteRun {
  client: string;
  target: string;
  count: number;
  firstUs: number;
  lastUs: number;
}

/** Write outcomes seen since the last moment was told. */
export interface Tally {
  /** When the first and the last failed write failed. */
  firstFailureUs: number;
  lastFailureUs: number;
  acked: number;
  failed: number;
  /** Failed writes by reason (write_failed's). */
  reasons: Map<string, number>;
  /** Writes accepted by a deposed primary, by node. */
  divergent: Map<string, { count: number; firstUs: number; lastUs: number }>;
}

export function rerouteText(run: RerouteRun, world: WorldConfig): string {
  if (run.count === 1)
    return explainSentence(
      { kind: "reroute", tUs: run.firstUs, client: run.client, target: run.target },
      world,
    );
  const routing = world.clients.find((client) => client.name === run.client)?.routing.kind;
  const why = routing === undefined ? "" : routingKindOf(routing).rerouteWhy;
  const when =
    run.firstUs === run.lastUs
      ? span(run.firstUs, run.lastUs, world.durationUs)
      : `${span(run.firstUs, run.lastUs, world.durationUs)}${why}`;
  return `${run.count} connections of client group ${run.client} move to ${run.target} ${when}.`;
}

export function failureAside(tally: Tally, world: WorldConfig): string {
  const failed = tally.failed;
  const reasons = Object.keys(reasonWords)
    .filter((reason) => tally.reasons.has(reason))
    .map((reason) => `${count(tally.reasons.get(reason)!)} ${reasonWords[reason]}`);
  const acked = tally.acked === 0 ? "none acknowledged" : `${count(tally.acked)} acknowledged`;
  return `${count(failed)} ${plural(failed, "write")} failed ${span(tally.firstFailureUs, tally.lastFailureUs, world.durationUs)} (${reasons.join(", ")}); ${acked}.`;
}

/** How a write failed, in words (write_failed's reasons). */
const reasonWords: Record<string, string> = {
  timeout: "timed out",
  rejected: "rejected",
  "breaker-open": "failed fast by the open circuit breaker",
  fallback: "answered by the circuit breaker's fallback",
};

export function divergentAside(
  entry: { node: string; count: number; firstUs: number; lastUs: number },
  world: WorldConfig,
): string {
  return `${entry.node}, deposed but unaware, accepted ${count(entry.count)} ${plural(entry.count, "write")} ${span(entry.firstUs, entry.lastUs, world.durationUs)} (divergent writes).`;
}
