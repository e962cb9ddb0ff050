// Timing as a distribution: for each timing metric (detection_s, rto_s, downtime_s), the empirical
// cumulative distribution over the seeds — the share of runs whose value is at most x — as a
// Vega-Lite spec with its data inline, charts/<metric>-cdf.vl.json. One step line per parameter
// point when a sweep has at most `maxCdfLines` points; with more, every run of the sweep pooled
// into one line (a sweep of the crash moment across a detector's round then shows the whole
// window). A single line carries dashed rules at its p50, p95 and p99 — the aggregate's type-7
// quantiles (statistics.ts), their values in the subtitle — so the chart and aggregate.csv say
// the same numbers.
// Empty runs (no value: nothing detected) are left out, as in aggregate.csv; a metric with no
// value in any run has no chart. Built from the rows' cells as written in runs.csv, so a merged
// sweep draws the same charts.
import { chartConfig, plotWidth, seriesPalette } from "../report/charts/theme.ts";
import { metricColumns, type MetricColumn } from "../scenario/index.ts";
import { jobAt, pointValues, type Grid } from "./grid.ts";
import { cellValue, sortRows, type SweepRow } from "./runs-table.ts";
import { quantile } from "./statistics.ts";
import type { SweepChart } from "./tradeoff-charts.ts";

export const cdfMetrics = [
  "detection_s",
  "rto_s",
  "downtime_s",
] as const satisfies readonly MetricColumn[];

/** More points than this draw one pooled line instead of one line each. */
export const maxCdfLines = 8;

const heightPx = 260;
const titles: Record<(typeof cdfMetrics)[number], string> = {
  detection_s: "Detection time",
  rto_s: "Recovery time (RTO)",
  downtime_s: "Downtime",
};
const markedQuantiles = [0.5, 0.95, 0.99] as const;

/** One line of a chart: its label and its values sorted ascending. */
interface Line {
  series: string;
  sorted: number[];
}

/** The file stem of a metric's CDF chart. */
export function cdfChartName(metric: MetricColumn): string {
  return `${metric}-cdf`;
}

/** Every name the CDF charts may take (the output folder's list of known files). */
export const cdfChartNames: readonly string[] = cdfMetrics.map(cdfChartName);

/** The CDF charts of a sweep's rows: one per timing metric that has a value in some run. */
export function cdfCharts(grid: Grid, rows: readonly SweepRow[]): SweepChart[] {
  const charts: SweepChart[] = [];
  for (const metric of cdfMetrics) {
    const lines = linesOf(grid, rows, metricColumns.indexOf(metric));
    if (lines.length === 0) continue;
    const title = `${titles[metric]} over seeds: share of runs with ${metric} ≤ x`;
    charts.push({ name: cdfChartName(metric), title, spec: cdfSpec(metric, lines, grid, title) });
  }
  return charts;
}

/** A line per point (or one pooled line), each with at least one value. */
function linesOf(grid: Grid, rows: readonly SweepRow[], column: number): Line[] {
  const pooled = grid.points.length > maxCdfLines;
  const byPoint = new Map<number, number[]>();
  for (const row of sortRows(rows)) {
    const value = cellValue(row.cells[column]);
    if (value === null) continue;
    const point = pooled ? 0 : jobAt(grid, row.job).point;
    let values = byPoint.get(point);
    if (values === undefined) byPoint.set(point, (values = []));
    values.push(value);
  }
  return [...byPoint]
    .sort((a, b) => a[0] - b[0])
    .map(([point, values]) => ({
      series: pooled ? `all ${grid.points.length} points` : seriesLabel(grid, point),
      sorted: values.sort((a, b) => a - b),
    }));
}

/** The point's values of the paths that take two or more ("" when nothing varies). */
function seriesLabel(grid: Grid, point: number): string {
  const values = pointValues(grid, point);
  const varying = grid.varies.flatMap((vary, i) => (vary.values.length >= 2 ? [i] : []));
  return varying.map((i) => `${grid.varies[i].path}=${values[i]}`).join(", ");
}

/** The empirical CDF's corners: (x₁, 0), then (xᵢ, i/n) for each value, drawn step-after. */
export function cdfPoints(sorted: readonly number[]): { x: number; share: number }[] {
  const n = sorted.length;
  return [{ x: sorted[0], share: 0 }, ...sorted.map((x, i) => ({ x, share: (i + 1) / n }))];
}

function cdfSpec(metric: MetricColumn, lines: Line[], grid: Grid, title: string): object {
  const runs = lines.reduce((total, line) => total + line.sorted.length, 0);
  const seeds = grid.seeds.length;
  const single = lines.length === 1;
  const names = lines.map((line) => line.series);
  const data = lines.flatMap((line) =>
    cdfPoints(line.sorted).map((corner) => ({ ...corner, series: line.series })),
  );
  const color = single
    ? { value: seriesPalette[0] }
    : {
        field: "series",
        type: "nominal",
        title: "point",
        scale: {
          domain: names,
          range: names.map((_, i) => seriesPalette[i % seriesPalette.length]),
        },
      };
  const x = { field: "x", type: "quantitative", title: `${metric} (s)` };
  const y = {
    field: "share",
    type: "quantitative",
    title: "share of runs ≤ x",
    scale: { domain: [0, 1] },
    axis: { format: "%" },
  };
  const step = {
    data: { values: data },
    mark: { type: "line", interpolate: "step-after", strokeWidth: 2 },
    encoding: {
      x,
      y,
      color,
      tooltip: [
        { field: "x", format: ".6f" },
        { field: "share", format: ".1%" },
      ],
    },
  };
  const layers: object[] = [step];
  if (single) layers.push(...quantileLayers(lines[0].sorted));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, subtitle: subtitle(runs, seeds, grid, lines) },
    config: chartConfig(),
    width: plotWidth,
    height: heightPx,
    layer: layers,
  };
}

function subtitle(runs: number, seeds: number, grid: Grid, lines: readonly Line[]): string {
  const single = lines.length === 1;
  const sorted = lines[0].sorted;
  const over =
    grid.points.length > maxCdfLines
      ? `${runs} runs (${grid.points.length} points × ${seeds} seeds pooled)`
      : `${runs} runs over ${seeds} seed${seeds === 1 ? "" : "s"}`;
  return single
    ? `${over} · ${quantileSummary(sorted)} (dashed; type 7, as aggregate.csv)`
    : `${over}; one line per point`;
}

/** Dashed rules at p50, p95 and p99, each tagged above the plot (staggered, so close ones stay
 *  readable); their values are in the subtitle. */
function quantileLayers(sorted: readonly number[]): object[] {
  const marks = markedQuantiles.map((p, i) => ({
    x: quantile(sorted, p),
    tag: quantileName(p),
    rise: 4 + 11 * i,
  }));
  const x = { field: "x", type: "quantitative" };
  return [
    {
      data: { values: marks },
      mark: { type: "rule", strokeDash: [4, 3], color: "#4a5568" },
      encoding: { x },
    },
    ...marks.map((mark) => ({
      data: { values: [mark] },
      mark: { type: "text", baseline: "bottom", dy: -mark.rise, y: 0, color: "#1a202c" },
      encoding: { x, text: { field: "tag" } },
    })),
  ];
}

/** 0.5 → "p50", 0.99 → "p99". */
function quantileName(p: number): string {
  return `p${Math.round(p * 100)}`;
}

/** "p50 17.401048 s · p95 19.701470 s · p99 19.901481 s" (six decimals, as aggregate.csv). */
export function quantileSummary(sorted: readonly number[]): string {
  return markedQuantiles
    .map((p) => `${quantileName(p)} ${quantile(sorted, p).toFixed(6)} s`)
    .join(" · ");
}
