// What a kind done by an operator (a manual failback, a manual rejoin) needs: a scenario that
// gives the operator, checked at load, naming the field; and the swarm's draw of one — a delay
// range of seconds, so that a run of minutes sees the operator act.
import type { Rng } from "../engine/index.ts";
import { drawDuration, failAt, type ResolveContext } from "../dsl/index.ts";

const sUs = 1_000_000;

/** Fails (failAt) naming failover.operator when the scenario has none to do `what`. */
export function requireOperator(
  site: { context: ResolveContext; hasOperator: boolean },
  what: string,
): void {
  if (!site.hasOperator)
    failAt(
      site.context,
      ["failover", "operator"],
      `an operator ({ delay: "5m..15m" }) to ${what}`,
      "none",
    );
}

/** The swarm's operator: acting 5–20 s to 20–60 s after being paged. */
export function drawOperator(rng: Rng): { delay: string } {
  return {
    delay: `${drawDuration(rng, 5 * sUs, 20 * sUs)}..${drawDuration(rng, 20 * sUs, 60 * sUs)}`,
  };
}
