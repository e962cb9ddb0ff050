// Drives a run (metrics/run-scenario.ts startRun) in slices of events, returning to the event
// loop between them, so that Ctrl-C is answered within a slice (a fraction of a second) and the
// wall-clock limit (--max-wall) is checked. The slices change nothing in the run: the same events
// in the same order, so the same result as runScenario.
import type { RunResult, ScenarioRun } from "../metrics/run-scenario.ts";
import { cliLimitSpecs } from "../scenario/limits.ts";
import { formatDuration } from "../scenario/duration.ts";
import { InputError } from "./failure.ts";

/** Events per slice: tens of milliseconds of simulation. */
const sliceEvents = 100_000;

export async function runInSlices(run: ScenarioRun, options: { check(): void; maxWallUs: number }): Promise<RunResult> {
  const started = performance.now();
  while (!run.advance(sliceEvents)) {
    await new Promise((resolve) => setImmediate(resolve));
    options.check();
    const elapsedUs = (performance.now() - started) * 1000;
    if (options.maxWallUs > 0 && elapsedUs > options.maxWallUs) {
      const { flag, what } = cliLimitSpecs.maxWall;
      throw new InputError(
        `The run stopped at the limit of ${formatDuration(options.maxWallUs)} on the ${what} (raise it with ${flag} DURATION, or ${flag} none); no report was written.`,
      );
    }
  }
  return run.result();
}
