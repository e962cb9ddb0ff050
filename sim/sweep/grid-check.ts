// Fails fast on a bad grid, before any run: every varied value, then every point, is applied
// with the `--set` machinery and resolved exactly as a run would resolve it. So an unknown path,
// a value of the wrong type (`detector.timeout=abc`) or a combination the scenario rejects is an
// error naming the --vary flag — exit 2 before a single worker starts. One value at a time first,
// so the message names the culprit rather than a whole point.
import { applyOverrides, resolveScenario, ScenarioError } from "../scenario/index.ts";
import { pointOverrides, type Grid } from "./grid.ts";

export interface GridCheckInput {
  raw: unknown;
  file: string;
  /** Fixed `--set` overrides, applied before the varied ones. */
  set: readonly string[];
  grid: Grid;
}

export function checkGrid({ raw, file, set, grid }: GridCheckInput): void {
  const withSet = applyOverrides(raw, set, file); // a bad --set is reported as such
  for (const vary of grid.varies) {
    for (const value of vary.values) tryResolve(withSet, file, [`${vary.path}=${value}`]);
  }
  if (grid.varies.length < 2) return;
  for (let point = 0; point < grid.points.length; point++) tryResolve(withSet, file, pointOverrides(grid, point));
}

function tryResolve(withSet: unknown, file: string, varied: string[]): void {
  try {
    resolveScenario(applyOverrides(withSet, varied, file), { file });
  } catch (error) {
    throw error instanceof ScenarioError ? asVaryError(error, varied) : error;
  }
}

/** The same error, but naming the --vary flag instead of --set or the bare field. */
function asVaryError(error: ScenarioError, varied: string[]): ScenarioError {
  const paths = varied.map((assignment) => assignment.slice(0, assignment.indexOf("=")));
  const setField = /^--set (.*)$/.exec(error.field);
  if (setField !== null) return new ScenarioError({ file: error.file, field: `--vary ${setField[1]}`, expected: error.expected, got: error.got });
  const own = varied.length === 1 ? paths.indexOf(error.field) : -1;
  if (own >= 0) return new ScenarioError({ file: error.file, field: `--vary ${varied[own]}`, expected: error.expected, got: error.got });
  const field = `${error.field === "" ? "the scenario" : error.field} (with --vary ${varied.join(" --vary ")})`;
  return new ScenarioError({ file: error.file, field, expected: error.expected, got: error.got });
}
