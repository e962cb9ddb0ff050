// Loading a scenario file for a command, within the module load limit (--max-load): the
// ScenarioError of a file that takes too long to load names the limit and the flag. `load` is the
// loader (loadScenarioFile by default; loadScenarioOrHelper where a folder may hold helpers).
// A command first calls compileAhead on the files it will load, so that esbuild compiles them in
// its own process (several side by side) while the command loads the simulator.
import { resolve } from "node:path";
import { cliLimitSpecs } from "../scenario/limits.ts";
import { prefetchScenario } from "../scenario/scenario-import.ts";
import { LoadTimeout, loadWithin } from "./load-guard.ts";

/** Starts compiling a TypeScript scenario file now; loadScenarioWithin takes the result. */
export function compileAhead(file: string): void {
  prefetchScenario(resolve(file));
}

export async function loadScenarioWithin<T = unknown>(
  file: string,
  maxLoadUs: number,
  load?: (file: string) => Promise<T>,
): Promise<T> {
  const { loadScenarioFile, ScenarioError, formatDuration } = await import("../scenario/index.ts");
  try {
    return await loadWithin(
      () => (load ?? (loadScenarioFile as (file: string) => Promise<T>))(file),
      maxLoadUs,
    );
  } catch (error) {
    if (!(error instanceof LoadTimeout)) throw error;
    const { flag, what } = cliLimitSpecs.maxLoad;
    throw new ScenarioError({
      file,
      field: "",
      expected: `a module that loads within the limit of ${formatDuration(maxLoadUs)} on the ${what} (raise it with ${flag} DURATION)`,
      got: "one still loading (stopped)",
    });
  }
}
