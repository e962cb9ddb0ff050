// Fails fast on a bad grid, before any run: every varied value, then every point, is applied
// with the `--set` machinery, resolved and held against the limits exactly as a run would (so an
// unknown path, a value of the wrong type (`detector.timeout=abc`), a combination the scenario
// rejects or a point too big to run is an error naming the --vary flag) — exit 2 before a single
// run starts. One value at a time first, so a message names the culprit rather than a whole
// point; every problem of every value and point is reported together.
import { prepareRun } from "../run/index.ts";
import {
  applyOverrides,
  combineProblems,
  ScenarioError,
  type Limits,
  type ScenarioErrorInit,
} from "../scenario/index.ts";
import { pointOverrides, type Grid } from "./grid.ts";

export interface GridCheckInput {
  raw: unknown;
  file: string;
  /** Fixed `--set` overrides, applied before the varied ones. */
  set: readonly string[];
  grid: Grid;
  limits?: Partial<Limits>;
}

export function checkGrid({ raw, file, set, grid, limits }: GridCheckInput): void {
  const withSet = applyOverrides(raw, set, file); // a bad --set is reported as such
  const problems: ScenarioError[] = [];
  const tryPoint = (varied: string[]) => {
    try {
      prepareRun(withSet, { file, overrides: varied, trace: "none", limits });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      problems.push(asVaryError(error, varied));
    }
  };
  for (const vary of grid.varies) {
    for (const value of vary.values) tryPoint([`${vary.path}=${value}`]);
  }
  if (problems.length === 0 && grid.varies.length >= 2) {
    for (let point = 0; point < grid.points.length; point++) tryPoint(pointOverrides(grid, point));
  }
  if (problems.length > 0) throw combineProblems(problems);
}

/** The same problems, but naming the --vary flag instead of --set or the bare field. */
function asVaryError(error: ScenarioError, varied: string[]): ScenarioError {
  const paths = varied.map((assignment) => assignment.slice(0, assignment.indexOf("=")));
  return new ScenarioError(
    error.problems.map((problem): ScenarioErrorInit => {
      const setField = /^--set (.*)$/.exec(problem.field);
      if (setField !== null) return { ...problem, field: `--vary ${setField[1]}` };
      const own = varied.length === 1 ? paths.indexOf(problem.field) : -1;
      if (own >= 0) return { ...problem, field: `--vary ${varied[own]}` };
      return {
        ...problem,
        field: `${problem.field === "" ? "the scenario" : problem.field} (with --vary ${varied.join(" --vary ")})`,
      };
    }),
  );
}
