// The sweep in words, for stdout and report.html: a table of the headline metrics per point
// (mean ± half-width of the 95% CI) and the paired comparisons as sentences — "sync vs async:
// cuts downtime_s by 4.1 s ± 600 ms (95% CI, 20 paired seeds)". A difference whose interval
// contains 0 is "no clear change". Numbers are rounded for reading (two significant digits of
// the half-width; times in the one human style, dsl/spoken.ts); the CSV files keep 6 decimals.
import { spokenSeconds } from "../dsl/spoken.ts";
import type { MetricColumn } from "../scenario/index.ts";
import type { PointStatistics } from "./aggregate.ts";
import { axesOf } from "./axes.ts";
import { pointValues, type Grid } from "./grid.ts";
import type { PairedComparison } from "./paired.ts";

export const headlineMetrics = [
  "downtime_s",
  "false_failovers",
  "lost_writes",
] as const satisfies readonly MetricColumn[];

/** At most this many points in the printed table; the rest are in aggregate.csv. */
export const maxTablePoints = 60;
/** At most this many comparisons printed as sentences. */
export const maxSentences = 8;

export function summaryTable(grid: Grid, stats: readonly PointStatistics[]): string[][] {
  const header = [
    ...grid.varies.map((vary) => vary.path),
    "n",
    ...headlineMetrics.map((metric) => `${metric} (mean ± 95% CI)`),
  ];
  const rows: string[][] = [];
  const byPoint = new Map<number, Map<MetricColumn, PointStatistics>>();
  for (const row of stats) {
    if (!byPoint.has(row.point)) byPoint.set(row.point, new Map());
    byPoint.get(row.point)!.set(row.metric, row);
  }
  for (const [point, metrics] of byPoint) {
    const n = Math.max(...[...metrics.values()].map((row) => row.statistics.n));
    rows.push([
      ...pointValues(grid, point),
      String(n),
      ...headlineMetrics.map((metric) => meanText(metrics.get(metric))),
    ]);
  }
  return [header, ...rows];
}

/** Aligned text columns, numbers right-aligned. */
export function tableText(table: string[][], limit = maxTablePoints): string {
  const shown = table.slice(0, limit + 1);
  const widths = shown[0].map((_, c) => Math.max(...shown.map((row) => row[c].length)));
  const lines = shown.map((row) =>
    row
      .map((cell, c) =>
        /^[-\d.± ]+$/.test(cell) && cell !== "" ? cell.padStart(widths[c]) : cell.padEnd(widths[c]),
      )
      .join("  ")
      .trimEnd(),
  );
  if (table.length - 1 > limit)
    lines.push(`… ${table.length - 1 - limit} more points in aggregate.csv`);
  return `${lines.join("\n")}\n`;
}

export function pairedSentences(grid: Grid, comparisons: readonly PairedComparison[]): string[] {
  const compared = axesOf(grid).compared;
  if (compared === undefined) return [];
  const path = grid.varies[compared].path;
  const byPair = new Map<string, PairedComparison[]>();
  for (const c of comparisons) {
    if (!(headlineMetrics as readonly string[]).includes(c.metric)) continue;
    const key = `${c.point}/${c.baselinePoint}`;
    if (!byPair.has(key)) byPair.set(key, []);
    byPair.get(key)!.push(c);
  }
  return [...byPair.values()].map((pair) => {
    const values = pointValues(grid, pair[0].point);
    const context = values
      .filter((_, i) => i !== compared)
      .map((value, i) => `${grid.varies.filter((_, j) => j !== compared)[i].path}=${value}`);
    const where = context.length > 0 ? ` (${context.join(", ")})` : "";
    const baseline = pointValues(grid, pair[0].baselinePoint)[compared];
    return `${path}=${values[compared]} vs ${baseline}${where}: ${pair.map(differenceText).join("; ")}`;
  });
}

function differenceText(c: PairedComparison): string {
  if (c.n === 0 || c.meanDiff === null) return `${c.metric}: no paired values`;
  const isTime = c.metric.endsWith("_s");
  if (c.sdDiff === 0 || c.ciLow === null || c.ciHigh === null) {
    if (c.meanDiff === 0) return `same ${c.metric} on every seed`;
    const verb = c.meanDiff < 0 ? "cuts" : "raises";
    const by = isTime ? spokenSeconds(Math.abs(c.meanDiff)) : plain(Math.abs(c.meanDiff));
    return `${verb} ${c.metric} by ${by} (${c.n} paired seed${c.n === 1 ? "" : "s"}${c.n === 1 ? "" : ", the same on each"})`;
  }
  const half = (c.ciHigh - c.ciLow) / 2;
  const digits = decimalsFor(half);
  const amount = (value: number) => (isTime ? spokenSeconds(value) : value.toFixed(digits));
  const interval = `± ${amount(half)} (95% CI, ${c.n} paired seeds)`;
  if (c.ciLow <= 0 && c.ciHigh >= 0)
    return `no clear change in ${c.metric}: ${c.meanDiff >= 0 ? "+" : "-"}${amount(Math.abs(c.meanDiff))} ${interval}`;
  const verb = c.meanDiff < 0 ? "cuts" : "raises";
  return `${verb} ${c.metric} by ${amount(Math.abs(c.meanDiff))} ${interval}`;
}

function meanText(row: PointStatistics | undefined): string {
  if (row === undefined || row.statistics.mean === null) return "n/a";
  const { mean, ciLow, ciHigh } = row.statistics;
  if (ciLow === null || ciHigh === null) return plain(mean);
  const half = (ciHigh - ciLow) / 2;
  const digits = decimalsFor(half);
  return `${mean.toFixed(digits)} ± ${half.toFixed(digits)}`;
}

/** Two significant digits of the half-width decide the decimals: 0.63 → 2, 4.1 → 1, 0 → 3. */
function decimalsFor(half: number): number {
  if (half <= 0) return 3;
  return Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(half))));
}

function plain(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}
