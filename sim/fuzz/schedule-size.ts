// What "smaller" means for a fault schedule, so shrinking always moves one way and ends:
// schedules compare lexicographically by
//   1. fault entries (the at(…) lines a reproducer shows),
//   2. the total length of the repaired episodes (one never repaired has no length: its fault
//      simply stays — and it already counts one entry fewer),
//   3. the sum of the episodes' start times (earlier is smaller).
// All three are whole numbers ≥ 0, so a chain of strictly smaller schedules is finite.
import { entryCount, type Episode } from "./episode.ts";

export type ScheduleSize = readonly [entries: number, lengthsUs: number, startsUs: number];

export function scheduleSize(schedule: readonly Episode[]): ScheduleSize {
  let entries = 0;
  let lengthsUs = 0;
  let startsUs = 0;
  for (const episode of schedule) {
    entries += entryCount(episode);
    if (episode.repaired) lengthsUs += episode.lengthUs;
    startsUs += episode.startUs;
  }
  return [entries, lengthsUs, startsUs];
}

/** Negative when `a` is smaller than `b`, 0 when the same size, positive when larger. */
export function compareSize(a: ScheduleSize, b: ScheduleSize): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Fault entries of a schedule (what "faults before/after shrinking" counts). */
export function faultCount(schedule: readonly Episode[]): number {
  return schedule.reduce((sum, episode) => sum + entryCount(episode), 0);
}
