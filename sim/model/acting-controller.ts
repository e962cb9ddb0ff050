// Which monitor acts as controller (decides failovers, reroutes clients, answers lookups): the
// first monitor, in declaration order, that may lead (not a witness), is up, is not paused and
// is connected both ways to a majority of all monitors and witnesses, itself included. A
// minority side of a partition therefore has no controller, and at most one side has one.
import type { Monitor } from "./monitor.ts";
import type { Network } from "./network.ts";
import type { Pauses } from "./pauses.ts";

export function actingController(
  monitors: readonly Monitor[],
  network: Pick<Network, "isCut">,
  pauses: Pick<Pauses, "isPaused">,
  nowUs: number,
): Monitor | null {
  const majority = Math.floor(monitors.length / 2) + 1;
  for (const candidate of monitors) {
    if (!candidate.canLead || !candidate.up || pauses.isPaused(candidate.index, nowUs)) continue;
    const reachable = monitors.filter(
      (other) =>
        other === candidate ||
        (other.up &&
          !network.isCut(candidate.index, other.index) &&
          !network.isCut(other.index, candidate.index)),
    ).length;
    if (reachable >= majority) return candidate;
  }
  return null;
}
