// Running scenarios: the pure end-to-end run (runScenario, and startRun in steps), the step that
// resolves a scenario and holds it against the limits (prepareRun), the trace levels a run keeps,
// each expectation judged, and the error that reports a simulator bug with how to reproduce it.
export { prepareRun, defaultFileName, type PrepareOptions } from "./prepare-run.ts";
export {
  runScenario,
  startRun,
  type RunOptions,
  type RunResult,
  type ScenarioRun,
} from "./run-scenario.ts";
export { traceLevels, defaultTraceLevel, keepsEvent, type TraceLevel } from "./trace-level.ts";
export {
  breachesOf,
  checkOutcome,
  evaluateExpectations,
  metricOutcome,
  type ExpectationOutcome,
} from "./expectations.ts";
export { SimulatorBugError, type FailedRun } from "./simulator-bug.ts";
