// The columns of groups.csv — one row per client group — with how each cell is written and what
// it means. The same list feeds the CSV file, the table under the summary on stdout and the
// per-group table in report.html, so the three never disagree. Numbers are formatted as the
// summary's columns of the same name (metrics/format-metric.ts).
import type { GroupRow } from "../metrics/groups.ts";
import { formatMetric } from "../metrics/format-metric.ts";
import type { MetricColumn } from "../scenario/index.ts";

interface GroupColumn {
  name: string;
  cell: (row: GroupRow) => string;
  meaning: string;
}

/** A column that is a summary metric of the same name, counted on the group's own requests. */
function metricColumn(
  name: MetricColumn,
  value: (row: GroupRow) => number | null,
  meaning: string,
): GroupColumn {
  return { name, cell: (row) => formatMetric(name, value(row)), meaning };
}

export const groupColumns: readonly GroupColumn[] = [
  { name: "group", cell: (row) => row.group, meaning: "The client group's name." },
  {
    name: "zone",
    cell: (row) => row.zone,
    meaning: "The zone the group (and its proxy or load balancer) is in.",
  },
  metricColumn("writes_attempted", (row) => row.writes.attempted, "Writes the group issued."),
  metricColumn(
    "writes_acked",
    (row) => row.writes.acked,
    "Its writes acknowledged within the timeout.",
  ),
  metricColumn("writes_failed", (row) => row.writes.failed, "Its writes rejected or timed out."),
  metricColumn(
    "availability",
    (row) => row.writes.availability,
    "Its acknowledged writes as a fraction of its attempted writes (empty when it wrote nothing).",
  ),
  metricColumn(
    "downtime_s",
    (row) => row.downtimeS,
    "downtime_s on the group's own writes: each owns the time until the group's next write; the time owned by failed ones.",
  ),
  metricColumn("reads_attempted", (row) => row.reads.attempted, "Reads the group issued."),
  metricColumn("reads_served", (row) => row.reads.served, "Its reads answered within the timeout."),
  metricColumn("reads_failed", (row) => row.reads.failed, "Its reads refused or timed out."),
  metricColumn(
    "ryw_violations",
    (row) => row.reads.rywViolations,
    "Its reads answered without the reading connection's last acknowledged write.",
  ),
  metricColumn(
    "sessions_lost",
    (row) => row.sessionsLost,
    "Times one of its users had to log in again.",
  ),
];

export const groupsHeader: readonly string[] = groupColumns.map((column) => column.name);

export function groupCells(row: GroupRow): string[] {
  return groupColumns.map((column) => column.cell(row));
}
