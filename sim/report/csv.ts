// The CSV files of a run, as text: summary.csv, groups.csv, timeline.csv and events.csv
// (docs/metrics.md#outputs-of-sim-run). fast-csv does the quoting (a detail with a comma or a quote
// stays one field); every number is formatted beforehand by metrics/format.ts, so the bytes depend
// only on the run. Rows end with "\n", including the last; a table with no rows is its header line.
// Every cell is neutralised against CSV injection (OWASP): one a spreadsheet would read as a
// formula gets a leading "'".
import { writeToString } from "fast-csv";
import { formatMicros } from "../metrics/format.ts";
import { formatMetric } from "../metrics/format-metric.ts";
import type { GroupRow } from "../metrics/groups.ts";
import type { TimelineRow } from "../metrics/timeline.ts";
import type { TraceEvent } from "../model/index.ts";
import { summaryColumns } from "../metrics/columns/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { describeEvent } from "./event-detail.ts";
import { groupCells, groupsHeader } from "./group-columns.ts";

export const summaryHeader: readonly string[] = ["scenario", "seed", ...summaryColumns];
export const timelineHeader: readonly string[] = ["node", "kind", "state", "start_s", "end_s"];
export const eventsHeader: readonly string[] = ["t_s", "kind", "node", "detail"];

/** A header and rows of already formatted cells, as CSV text. */
export async function toCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): Promise<string> {
  for (const row of rows) {
    if (row.length !== header.length)
      throw new Error(`CSV row has ${row.length} cells, header has ${header.length}`);
  }
  return writeToString([header.map(neutralCell), ...rows.map((row) => row.map(neutralCell))], {
    includeEndRowDelimiter: true,
    rowDelimiter: "\n",
  });
}

/** A cell as written: one starting with = + - @, a tab or a carriage return — what spreadsheets
 *  take for a formula — gets a leading "'" (OWASP's CSV injection advice); a plain number such as
 *  "-1.5" is no formula and stays as it is. */
export function neutralCell(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell)
    ? `'${cell}`
    : cell;
}

export interface SummaryRow {
  name: string;
  seed: number;
  metrics: MetricValues;
}

export function summaryCells({ name, seed, metrics }: SummaryRow): string[] {
  return [
    name,
    String(seed),
    ...summaryColumns.map((column) => formatMetric(column, metrics[column])),
  ];
}

export function summaryCsv(rows: readonly SummaryRow[]): Promise<string> {
  return toCsv(summaryHeader, rows.map(summaryCells));
}

/** One row per client group (group-columns.ts). */
export function groupsCsv(rows: readonly GroupRow[]): Promise<string> {
  return toCsv(groupsHeader, rows.map(groupCells));
}

export function timelineCsv(rows: readonly TimelineRow[]): Promise<string> {
  return toCsv(
    timelineHeader,
    rows.map((row) => [
      row.node,
      row.kind,
      row.state,
      formatMicros(row.startUs),
      formatMicros(row.endUs),
    ]),
  );
}

export function eventsCsv(events: readonly TraceEvent[]): Promise<string> {
  return toCsv(
    eventsHeader,
    events.map((event) => {
      const { node, detail } = describeEvent(event);
      return [formatMicros(event.tUs), event.kind, node, detail];
    }),
  );
}
