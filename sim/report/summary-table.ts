// The compact human summary `sim run` prints: the scenario's name and summary, one aligned line
// per metric (names left, values right-aligned so decimals line up, "n/a" for a metric without
// a value), the seed and fingerprint that reproduce the run, then one line per expectation not
// met. Values are formatted exactly as in summary.csv. With more than one client group, a table
// of the groups (groups.csv's columns; the read and session columns only when some group has
// such figures) follows the metrics.
import { formatMetric } from "../metrics/format-metric.ts";
import type { GroupRow } from "../metrics/groups.ts";
import { summaryColumns } from "../metrics/columns/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { groupColumns } from "./group-columns.ts";

export interface SummaryTableInput {
  name: string;
  summary: string;
  seed: number;
  fingerprint: string;
  metrics: MetricValues;
  /** One per client group; shown when there are several. */
  groups?: readonly GroupRow[];
  breaches: readonly string[];
}

export function summaryTable(run: SummaryTableInput): string {
  const values = summaryColumns.map((column) => {
    const value = run.metrics[column];
    return value === null ? "n/a" : formatMetric(column, value);
  });
  const nameWidth = Math.max(...summaryColumns.map((column) => column.length));
  const valueWidth = Math.max(...values.map((value) => value.length));
  const lines = [
    `${run.name} — ${run.summary}`,
    ...summaryColumns.map(
      (column, i) => `  ${column.padEnd(nameWidth)}  ${values[i].padStart(valueWidth)}`,
    ),
    ...groupsTable(run.groups ?? []),
    `seed ${run.seed} · fingerprint ${run.fingerprint}`,
    ...run.breaches.map((breach) => `expectation not met: ${breach}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** The per-group lines: a header, then one line per group; names left, numbers right-aligned. */
function groupsTable(groups: readonly GroupRow[]): string[] {
  if (groups.length < 2) return [];
  const reads = groups.some((row) => row.reads.attempted > 0);
  const sessions = groups.some((row) => row.sessionsLost > 0);
  const shown = groupColumns.filter(
    (column) =>
      (reads || (!column.name.startsWith("read") && column.name !== "ryw_violations")) &&
      (sessions || column.name !== "sessions_lost"),
  );
  const cells = [
    shown.map((column) => column.name),
    ...groups.map((row) => shown.map((column) => column.cell(row) || "n/a")),
  ];
  const widths = shown.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
  const text = (line: string[]) =>
    `  ${line
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join("  ")
      .trimEnd()}`;
  return ["client groups:", ...cells.map(text)];
}
