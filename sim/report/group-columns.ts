// The columns of groups.csv — one row per client group — with how each cell is written and what
// it means. The same list feeds the CSV file, the table under the summary on stdout and the
// per-group table in report.html, so the three never disagree. Numbers are formatted as the
// summary's columns of the same name (metrics/format-metric.ts).
import type { GroupRow } from "../metrics/groups.ts";
import { formatMetric } from "../metrics/format-metric.ts";

interface GroupColumn {
  name: string;
  cell: (row: GroupRow) => string;
  meaning: string;
}

export const groupColumns: readonly GroupColumn[] = [
  { name: "group", cell: (row) => row.group, meaning: "The client group's name." },
  {
    name: "zone",
    cell: (row) => row.zone,
    meaning: "The zone the group (and its proxy or load balancer) is in.",
  },
  {
    name: "writes_attempted",
    cell: (row) => formatMetric("writes_attempted", row.writes.attempted),
    meaning: "Writes the group issued.",
  },
  {
    name: "writes_acked",
    cell: (row) => formatMetric("writes_acked", row.writes.acked),
    meaning: "Its writes acknowledged within the timeout.",
  },
  {
    name: "writes_failed",
    cell: (row) => formatMetric("writes_failed", row.writes.failed),
    meaning: "Its writes rejected or timed out.",
  },
  {
    name: "availability",
    cell: (row) => formatMetric("availability", row.writes.availability),
    meaning:
      "Its acknowledged writes as a fraction of its attempted writes (empty when it wrote nothing).",
  },
  {
    name: "downtime_s",
    cell: (row) => formatMetric("downtime_s", row.downtimeS),
    meaning:
      "downtime_s on the group's own writes: each owns the time until the group's next write; the time owned by failed ones.",
  },
  {
    name: "reads_attempted",
    cell: (row) => formatMetric("reads_attempted", row.reads.attempted),
    meaning: "Reads the group issued.",
  },
  {
    name: "reads_served",
    cell: (row) => formatMetric("reads_served", row.reads.served),
    meaning: "Its reads answered within the timeout.",
  },
  {
    name: "reads_failed",
    cell: (row) => formatMetric("reads_failed", row.reads.failed),
    meaning: "Its reads refused or timed out.",
  },
  {
    name: "ryw_violations",
    cell: (row) => formatMetric("ryw_violations", row.reads.rywViolations),
    meaning: "Its reads answered without the reading connection's last acknowledged write.",
  },
  {
    name: "sessions_lost",
    cell: (row) => formatMetric("sessions_lost", row.sessionsLost),
    meaning: "Times one of its users had to log in again.",
  },
];

export const groupsHeader: readonly string[] = groupColumns.map((column) => column.name);

export function groupCells(row: GroupRow): string[] {
  return groupColumns.map((column) => column.cell(row));
}
