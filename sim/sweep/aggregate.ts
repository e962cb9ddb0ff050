// aggregate.csv: for each parameter point and each metric, the statistics over the point's seeds
// (statistics.ts) — long format, one row per (point, metric), so a plotting tool filters by
// metric instead of picking among 150 columns. Columns: one per varied path, `metric`, then
// n, mean, sd, ci95_low, ci95_high, p50, p95, min, max, then `pareto`: true on every row of a
// setting that is Pareto-optimal (pareto.ts), false on the others, then p99 (added last, so the
// columns before it keep their positions). Computed from the metric cells as written
// in runs.csv (not from the runs' unrounded values), so a merged sweep, which only has the
// files, aggregates to the same bytes. Every statistic has 6 decimals (ECMAScript toFixed, exact
// and the same on every engine); an empty cell means no value (n = 0, or a CI with n < 2).
import { toCsv } from "../report/index.ts";
import { metricColumns, type MetricColumn } from "../scenario/index.ts";
import { jobAt, pointValues, type Grid } from "./grid.ts";
import { cellValue, sortRows, type SweepRow } from "./runs-table.ts";
import { describe, type Statistics } from "./statistics.ts";
import { paretoPoints, settingMeans } from "./pareto.ts";

export interface PointStatistics {
  point: number;
  metric: MetricColumn;
  statistics: Statistics;
}

export const statisticColumns = [
  "n",
  "mean",
  "sd",
  "ci95_low",
  "ci95_high",
  "p50",
  "p95",
  "min",
  "max",
] as const;

/** Per point (ascending) and metric (in summary.csv order). Points without rows are left out. */
export function aggregate(grid: Grid, rows: readonly SweepRow[]): PointStatistics[] {
  const byPoint = new Map<number, (number | null)[][]>();
  for (const row of sortRows(rows)) {
    const point = jobAt(grid, row.job).point;
    let columns = byPoint.get(point);
    if (!columns) byPoint.set(point, (columns = metricColumns.map(() => [])));
    row.cells.forEach((cell, i) => columns![i].push(cellValue(cell)));
  }
  const result: PointStatistics[] = [];
  for (const [point, columns] of [...byPoint].sort((a, b) => a[0] - b[0])) {
    metricColumns.forEach((metric, i) =>
      result.push({ point, metric, statistics: describe(columns[i]) }),
    );
  }
  return result;
}

export function aggregateCsv(grid: Grid, stats: readonly PointStatistics[]): Promise<string> {
  const optimal = paretoPoints(settingMeans(stats));
  return toCsv(
    // p99 came after pareto: appended, so readers of the earlier columns keep their positions.
    [...grid.varies.map((vary) => vary.path), "metric", ...statisticColumns, "pareto", "p99"],
    stats.map(({ point, metric, statistics: s }) => [
      ...pointValues(grid, point),
      metric,
      String(s.n),
      ...[s.mean, s.sd, s.ciLow, s.ciHigh, s.p50, s.p95, s.min, s.max].map(formatStatistic),
      String(optimal.has(point)),
      formatStatistic(s.p99),
    ]),
  );
}

/** 6 decimals; "" for no value; never "-0.000000". */
export function formatStatistic(value: number | null): string {
  if (value === null) return "";
  if (!Number.isFinite(value)) throw new Error(`statistic ${value} is not a finite number`);
  const text = value.toFixed(6);
  return /^-0\.0+$/.test(text) ? text.slice(1) : text;
}
