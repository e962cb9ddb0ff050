// Drives a run (run/run-scenario.ts startRun) in slices of events, returning to the event
// loop between them, so that Ctrl-C is answered within a slice (a fraction of a second), and
// checking the wall-clock limit (--max-wall) and the memory the run holds (--max-memory) — the
// estimate made before the run cannot foresee everything (a detector that flaps on every
// heartbeat keeps a trace event for each), and a run stopped here is an exit 2, where a heap
// exhausted is a crash. The slices change nothing in the run: the same events in the same order,
// so the same result as runScenario.
import { getHeapStatistics } from "node:v8";
import type { RunResult, ScenarioRun } from "../run/run-scenario.ts";
import { cliLimitSpecs, formatCount, limitText } from "../scenario/limits.ts";
import { formatDuration } from "../dsl/duration.ts";
import { InputError } from "./failure.ts";

/** Events per slice: tens of milliseconds of simulation. */
const sliceEvents = 100_000;

export async function runInSlices(
  run: ScenarioRun,
  options: { check(): void; maxWallUs: number; maxMemoryMb: number },
): Promise<RunResult> {
  const started = performance.now();
  let events = 0;
  while (!run.advance(sliceEvents)) {
    events += sliceEvents;
    await new Promise((resolve) => setImmediate(resolve));
    options.check();
    const heldMb = getHeapStatistics().used_heap_size / 1e6;
    if (heldMb > options.maxMemoryMb) {
      throw new InputError(
        `The run stopped at ${limitText("maxMemoryMb", options.maxMemoryMb)}: it held ${formatCount(heldMb)} MB after about ${formatCount(events)} events. No report was written.`,
      );
    }
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
