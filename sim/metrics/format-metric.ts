// A summary value as it appears in summary.csv, the summary table and expectation messages: in
// the format its metric's module names (columns/), and the empty string for no value (null);
// and as a person reads it in report.html (humanMetric).
import type { MetricColumn } from "../scenario/metric-names.ts";
import { metricOf } from "./columns/index.ts";
import { groupThousands, spokenSeconds } from "../dsl/index.ts";
import { formatDecimal, formatValue } from "./format.ts";

export function formatMetric(column: MetricColumn, value: number | null): string {
  return value === null ? "" : formatValue(metricOf(column).format, value, column);
}

/** A summary value as a person reads it: times in the one human style ("57 s", "3 min 05 s"),
 *  counts with thousands separators, fractions as percentages; "n/a" for no value. */
export function humanMetric(column: MetricColumn, value: number | null): string {
  if (value === null) return "n/a";
  switch (metricOf(column).format) {
    case "seconds":
      return spokenSeconds(value);
    case "count":
      return groupThousands(value);
    case "fraction":
      return `${formatDecimal(Math.round(value * 100_000_000) / 1_000_000)} %`;
    case "decimal":
      return formatDecimal(value);
  }
}
