// `sim check`: each scenario's `expect` — metric bounds and named checks — judged over one seed
// or several (every seed, or a nearest-rank quantile over them), reported as a table, one JSON
// object or JUnit XML. A room of its own beside sweep, below the CLI; it needs only run, metrics
// and scenario below it (the package entry exports checkScenario, so it must stay light to load).
export {
  checkScenario,
  planCheck,
  runCheck,
  type CheckOptions,
  type CheckPlan,
  type ScenarioCheck,
} from "./check-scenario.ts";
export { judgeOverSeeds, type SeedOutcomes, type Verdict } from "./over-seeds.ts";
export { nearestRank, nearestRankQuantile } from "./quantile.ts";
export { countChecks, seedsText, type CheckCounts } from "./counts.ts";
export { checkTable } from "./check-table.ts";
export { checkJson } from "./check-json.ts";
export { checkJunit, failureJunit, type CheckProblem } from "./junit.ts";
