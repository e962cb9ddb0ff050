// The names of the summary metrics (docs/metrics.md#metrics): snake_case as summary.csv columns,
// and the camelCase form a scenario's `expect` uses (`split_brain_s` ↔ `splitBrainS`). The column
// order here is the column order of summary.csv.

export const metricColumns = [
  "writes_attempted",
  "writes_acked",
  "writes_failed",
  "availability",
  "downtime_s",
  "failovers",
  "false_failovers",
  "failbacks",
  "flaps",
  "split_brain_s",
  "lost_writes",
  "divergent_writes",
  "detection_s",
  "rto_s",
  "rpo_s",
  "max_lag_s",
  "standby_cost",
  // Added after the first release: appended, so existing columns keep their positions.
  "reads_attempted",
  "reads_served",
  "reads_failed",
  "ryw_violations",
  "sessions_lost",
  "min_group_availability",
  "max_group_downtime_s",
  "restarts",
  "writes_fallback",
  "partial_service_s",
] as const;

export type MetricColumn = (typeof metricColumns)[number];

type Camel<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;
export type MetricName = Camel<MetricColumn>;

export function metricNameOf(column: MetricColumn): MetricName {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) as MetricName;
}

export const metricNames: readonly MetricName[] = metricColumns.map(metricNameOf);

export function columnOf(name: string): MetricColumn | undefined {
  return metricColumns.find((column) => metricNameOf(column) === name);
}

/** A summary row's metric values. null means "not applicable in this run" (e.g. detection_s with no fault). */
export type MetricValues = Record<MetricColumn, number | null>;
