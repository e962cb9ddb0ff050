// Metrics: what users feel, computed online from the trace (DESIGN.md §5), and the pure
// end-to-end run that produces them.
export { SummaryObserver, summarize } from "./summary.ts";
export { TimelineObserver, type TimelineRow } from "./timeline.ts";
export { GroupsObserver, worstGroup, type GroupRow } from "./groups.ts";
export { SeriesObserver, type RunSeries } from "./series.ts";
export { TimeBuckets, maxBuckets } from "./time-buckets.ts";
export { defaultFileName, prepareRun, runScenario, startRun, type RunOptions, type RunResult, type ScenarioRun } from "./run-scenario.ts";
export { traceLevels, defaultTraceLevel, keepsEvent, type TraceLevel } from "./trace-level.ts";
export { breachesOf, checkOutcome, evaluateExpectations, metricOutcome, type ExpectationOutcome } from "./expectations.ts";
export { formatMetric, formatMicros, formatSeconds, formatDecimal } from "./format.ts";
export { TraceInvariantError, secondsOf, type TraceObserver } from "./observer.ts";
export { SimulatorBugError, type FailedRun } from "./simulator-bug.ts";
