// A summary value as it appears in summary.csv, the summary table and expectation messages: in
// the format its metric's module names (columns/), and the empty string for no value (null).
import type { MetricColumn } from "../scenario/metric-names.ts";
import { metricOf } from "./columns/index.ts";
import { formatValue } from "./format.ts";

export function formatMetric(column: MetricColumn, value: number | null): string {
  return value === null ? "" : formatValue(metricOf(column).format, value, column);
}
