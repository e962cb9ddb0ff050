// The lines of a `sim explain` story that stand for many events: a run of reroutes of one client
// group to one target (DNS caches expiring one by one), the writes that failed between two
// moments with why and how many were still acknowledged, and the writes a deposed primary
// accepted unaware. Made at the end of the run from the resolved world (explain-story.ts).
import type { WorldConfig } from "../model/index.ts";
import { routingKindOf } from "../model/index.ts";
import { count, explainSentence, plural, span } from "./explain-sentences.ts";

/** Reroutes of one client group to one target, in a row. */
export interface RerouteRun {
  client: string;
  target: string;
  count: number;
  firstUs: number;
  lastUs: number;
}

/** The per-write noise between two moments of the story. */
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
      ? span(run.firstUs, run.lastUs)
      : `${span(run.firstUs, run.lastUs)}${why}`;
  return `${run.count} connections of client group ${run.client} move to ${run.target} ${when}.`;
}

/** How a write failed, in words (write_failed's reasons), in the order told. */
const reasonWords: Record<string, string> = {
  timeout: "timed out",
  rejected: "rejected",
  "breaker-open": "failed fast by the open circuit breaker",
  fallback: "answered by the circuit breaker's fallback",
};

export function failureAside(tally: Tally): string {
  const failed = tally.failed;
  const reasons = Object.keys(reasonWords)
    .filter((reason) => tally.reasons.has(reason))
    .map((reason) => `${count(tally.reasons.get(reason)!)} ${reasonWords[reason]}`);
  const acked = tally.acked === 0 ? "none acknowledged" : `${count(tally.acked)} acknowledged`;
  return `${count(failed)} ${plural(failed, "write")} failed ${span(tally.firstFailureUs, tally.lastFailureUs)} (${reasons.join(", ")}); ${acked}.`;
}

export function divergentAside(entry: {
  node: string;
  count: number;
  firstUs: number;
  lastUs: number;
}): string {
  return `${entry.node}, deposed but unaware, accepted ${count(entry.count)} ${plural(entry.count, "write")} ${span(entry.firstUs, entry.lastUs)} (divergent writes).`;
}
