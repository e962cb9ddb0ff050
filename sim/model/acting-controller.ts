// Which monitor acts as controller (decides failovers, reroutes clients, answers lookups): the
// first monitor, in declaration order, that may lead (not a witness), is up, is not paused and
// is connected both ways to a majority of all monitors and witnesses, itself included. A
// minority side of a partition therefore has no controller, and at most one side has one.
import type { Observation } from "./cluster-state.ts";
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
    // Counted in a loop, not filtered: this runs for every observation a monitor hears.
    let reachable = 0;
    for (const other of monitors)
      if (
        other === candidate ||
        (other.up &&
          !network.isCut(candidate.index, other.index) &&
          !network.isCut(other.index, candidate.index))
      )
        reachable++;
    if (reachable >= majority) return candidate;
  }
  return null;
}

/** Where observations from outside the network (the fencing device's result, a timer) go: to the
 *  acting controller; with none acting at that instant (no monitor has a majority) they wait for
 *  the next heartbeat of one that does — the result is the cluster's, as Pacemaker's fencing
 *  history is, not lost with the moment. */
export class ControllerMailbox {
  private readonly unheard: Observation[] = [];

  constructor(
    private readonly monitors: readonly Monitor[],
    private readonly network: Pick<Network, "isCut">,
    private readonly pauses: Pick<Pauses, "isPaused">,
  ) {}

  acting(nowUs: number): Monitor | null {
    return actingController(this.monitors, this.network, this.pauses, nowUs);
  }

  send(observation: Observation, nowUs: number): void {
    const acting = this.acting(nowUs);
    if (acting === null) this.unheard.push(observation);
    else acting.observe(observation);
  }

  /** After `monitor`'s heartbeat: if it acts as controller, what found none is its now. */
  heartbeatDone(monitor: Monitor, nowUs: number): void {
    if (this.unheard.length > 0 && monitor.up && this.acting(nowUs) === monitor) {
      for (const observation of this.unheard.splice(0)) monitor.observe(observation);
    }
  }
}
