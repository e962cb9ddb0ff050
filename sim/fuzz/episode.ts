// A fault episode: one disturbance the fuzzer draws and the shrinker reduces — a fault and its
// repair (crash then restart, partition then heal, skew then skew back, …), or a fault that ends
// by itself (blip, pause, loss, delay or flaky links for a while); each fault kind says how it is
// drawn and scheduled (model/faults/<kind>.ts, its `episodes`). An episode whose repair the
// shrinker dropped lasts to the end of the run. A schedule is a list of episodes; scheduleEntries
// turns it into the scenario's `faults`, the same data a reproducer file writes with at(…) calls.
// Assumption: heal() restores every cut link, so a partition's heal also ends any other cut in
// force at that moment — the schedule is what it says, overlaps included.
import { durationText } from "../dsl/index.ts";
import {
  at,
  episodeShapeOf,
  type EpisodeFault,
  type EpisodeKind,
  type FaultSpec,
  type ScheduledFaultSpec,
} from "../scenario/index.ts";

export type { EpisodeFault, EpisodeKind };

export interface Episode {
  fault: EpisodeFault;
  startUs: number;
  lengthUs: number;
  /** false: the repair was dropped, the fault lasts to the end of the run (repairable kinds only). */
  repaired: boolean;
}

/** Kinds whose end is a separate fault entry (restart, heal, skew back), which can be dropped. */
export function hasRepairEntry(kind: EpisodeKind): boolean {
  return episodeShapeOf(kind).repairable;
}

/** Fault entries (at(…) lines) the episode takes in a scenario. */
export function entryCount(episode: Episode): number {
  return hasRepairEntry(episode.fault.kind) && episode.repaired ? 2 : 1;
}

/** When the episode's disturbance is over; null when it lasts to the end of the run. */
export function episodeEndUs(episode: Episode): number | null {
  return episode.repaired ? episode.startUs + episode.lengthUs : null;
}

/** When the last episode is over; null when one lasts to the end of the run (or there is none). */
export function lastEndUs(schedule: readonly Episode[]): number | null {
  let last: number | null = null;
  for (const episode of schedule) {
    const end = episodeEndUs(episode);
    if (end === null) return null;
    last = Math.max(last ?? 0, end);
  }
  return last;
}

/** The scenario `faults` of a schedule, in time order (entries at the same time keep schedule order). */
export function scheduleEntries(schedule: readonly Episode[]): ScheduledFaultSpec[] {
  const timed = schedule.flatMap((episode) => episodeEntries(episode));
  return timed
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => a.atUs - b.atUs || a.order - b.order)
    .map(({ atUs, fault }) => at(durationText(atUs), fault));
}

function episodeEntries(episode: Episode): { atUs: number; fault: FaultSpec }[] {
  const { fault, startUs, lengthUs } = episode;
  const { start, repair } = episodeShapeOf(fault.kind).entries(fault, lengthUs);
  const repairs =
    repair !== null && episode.repaired
      ? [{ atUs: startUs + lengthUs, fault: repair as FaultSpec }]
      : [];
  return [{ atUs: startUs, fault: start as FaultSpec }, ...repairs];
}
