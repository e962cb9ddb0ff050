// Metrics: what users feel, computed online from the trace (docs/metrics.md); the timeline and the
// series behind the charts. The run that feeds them the trace is sim/run's.
export { SummaryObserver, summarize } from "./summary.ts";
export { TimelineObserver, type TimelineRow } from "./timeline.ts";
export { GroupsObserver, worstGroup, type GroupRow } from "./groups.ts";
export { SeriesObserver, type RunSeries } from "./series.ts";
export { TimeBuckets, maxBuckets } from "./time-buckets.ts";
export {
  formatMicros,
  formatSeconds,
  formatDecimal,
  formatValue,
  type MetricFormat,
} from "./format.ts";
export { formatMetric } from "./format-metric.ts";
export { metrics, metricOf, summaryColumns } from "./columns/index.ts";
export type { Metric, MetricContext } from "./metric.ts";
export { TraceInvariantError, secondsOf, type TraceObserver } from "./observer.ts";
