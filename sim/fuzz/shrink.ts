// Shrinking a failing schedule: greedy delta debugging to a fixed point. Rounds go through the
// reductions in order (reductions.ts: drop, unrepair, blip, shorten, earlier), each over every
// episode; a candidate is run only if it is smaller (schedule-size.ts), and kept if it still
// breaks the invariant — then the same episode is tried again. When a whole round keeps
// nothing, no single reduction makes the schedule smaller and still failing: that is the result.
// Every kept candidate is strictly smaller, so it ends; `maxRuns` bounds it all the same.
// Deterministic: the order of candidates is fixed, and so is each run.
import type { Episode } from "./episode.ts";
import { reductions, type ReductionContext } from "./reductions.ts";
import { compareSize, scheduleSize } from "./schedule-size.ts";

export interface ShrinkOptions extends ReductionContext {
  maxRuns: number;
  /** Called after every run the shrinker makes, with the schedule it holds so far. */
  onRun?: (runs: number, current: readonly Episode[]) => void;
}

export interface Shrunk<Failure> {
  schedule: Episode[];
  failure: Failure;
  /** Runs made while shrinking. */
  runs: number;
  /** true when maxRuns stopped it before the fixed point. */
  exhausted: boolean;
}

/** `fails` runs a schedule: what it showed when it breaks the invariant, null when it holds. */
export function shrink<Failure>(
  schedule: readonly Episode[],
  failure: Failure,
  fails: (candidate: readonly Episode[]) => Failure | null,
  options: ShrinkOptions,
): Shrunk<Failure> {
  let current = [...schedule];
  let currentFailure = failure;
  let runs = 0;
  for (let progressed = true; progressed;) {
    progressed = false;
    for (const reduction of reductions) {
      for (let index = 0; index < current.length;) {
        let kept = false;
        for (const candidate of reduction.candidates(current, index, options)) {
          if (compareSize(scheduleSize(candidate), scheduleSize(current)) >= 0) continue;
          if (runs >= options.maxRuns)
            return { schedule: current, failure: currentFailure, runs, exhausted: true };
          runs++;
          const shown = fails(candidate);
          options.onRun?.(runs, shown === null ? current : candidate);
          if (shown === null) continue;
          current = candidate;
          currentFailure = shown;
          kept = progressed = true;
          break;
        }
        // Kept: try this index again (dropped: the next episode moved into it).
        if (!kept) index++;
      }
    }
  }
  return { schedule: current, failure: currentFailure, runs, exhausted: false };
}
