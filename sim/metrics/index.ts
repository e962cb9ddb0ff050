// Metrics: what users feel, computed online from the trace (DESIGN.md §5); the timeline and the
// series behind the charts. The run that feeds them the trace is sim/run's.
export { SummaryObserver, summarize } from "./summary.ts";
export { TimelineObserver, type TimelineRow } from "./timeline.ts";
export { GroupsObserver, worstGroup, type GroupRow } from "./groups.ts";
export { SeriesObserver, type RunSeries } from "./series.ts";
export { TimeBuckets, maxBuckets } from "./time-buckets.ts";
export { formatMetric, formatMicros, formatSeconds, formatDecimal } from "./format.ts";
export { TraceInvariantError, secondsOf, type TraceObserver } from "./observer.ts";
