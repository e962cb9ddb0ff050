// The compact human summary `sim run` prints: the scenario's name and summary, one aligned line
// per metric (names left, values right-aligned so decimals line up, "n/a" for a metric without
// a value), the seed and fingerprint that reproduce the run, then one line per expectation not
// met. Values are formatted exactly as in summary.csv.
import { formatMetric } from "../metrics/format.ts";
import { metricColumns, type MetricValues } from "../scenario/metric-names.ts";

export interface SummaryTableInput {
  name: string;
  summary: string;
  seed: number;
  fingerprint: string;
  metrics: MetricValues;
  breaches: readonly string[];
}

export function summaryTable(run: SummaryTableInput): string {
  const values = metricColumns.map((column) => {
    const value = run.metrics[column];
    return value === null ? "n/a" : formatMetric(column, value);
  });
  const nameWidth = Math.max(...metricColumns.map((column) => column.length));
  const valueWidth = Math.max(...values.map((value) => value.length));
  const lines = [
    `${run.name} — ${run.summary}`,
    ...metricColumns.map((column, i) => `  ${column.padEnd(nameWidth)}  ${values[i].padStart(valueWidth)}`),
    `seed ${run.seed} · fingerprint ${run.fingerprint}`,
    ...run.breaches.map((breach) => `expectation not met: ${breach}`),
  ];
  return `${lines.join("\n")}\n`;
}
