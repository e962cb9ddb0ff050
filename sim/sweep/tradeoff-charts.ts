// The trade-off charts of a sweep, as Vega-Lite specs with their data inline (pure data: open one
// in any Vega editor). One chart per headline metric: x = the x path of axes.ts (durations in
// seconds), y = the mean over seeds with its 95% confidence interval as a shaded band, one line
// per combination of the series paths. With categorical x (say replication.mode), points with
// CI whiskers instead of lines. Plus `tradeoff`, downtime and false failovers stacked on one x
// axis: the two sides of the "which timeout?" question side by side, and `pareto`, the settings
// as points of downtime against false failovers (pareto-chart.ts). Every chart rings the
// Pareto-optimal settings (pareto.ts) and names them in its legend; the trade-off charts label
// them. The series legend stays whatever the number of varied paths: the confidence band is
// drawn through the fill (or stroke) channel, whose legend is off, so the colour legend of the
// lines is the only one and nothing hides it (the band's field is a copy of the series field, so
// Vega-Lite does not merge the two legends). Numbers come from the aggregate (aggregate.ts), so
// a merged sweep draws the same charts.
import { chartConfig, plotWidth, seriesPalette } from "../report/charts/theme.ts";
import type { MetricColumn } from "../scenario/index.ts";
import type { PointStatistics } from "./aggregate.ts";
import { axesOf } from "./axes.ts";
import { pointValues, type Grid } from "./grid.ts";
import { paretoChart, paretoLayers, type SweepChart } from "./pareto-chart.ts";

export type { SweepChart } from "./pareto-chart.ts";
import { paretoPoints, settingMeans, settingText } from "./pareto.ts";

export const chartMetrics = [
  "downtime_s",
  "false_failovers",
  "lost_writes",
  "failovers",
] as const satisfies readonly MetricColumn[];

const heightPx = 240;
const titles: Record<(typeof chartMetrics)[number], string> = {
  downtime_s: "Downtime (s)",
  false_failovers: "False failovers",
  lost_writes: "Lost writes",
  failovers: "Failovers",
};

interface Datum {
  x: number | string;
  series: string;
  mean: number | null;
  ci95_low: number | null;
  ci95_high: number | null;
  n: number;
  /** Whether this setting is Pareto-optimal, and the setting in words (its label). */
  pareto: boolean;
  setting: string;
  /** The x value alone: a ring's label where the colour already says the series. */
  short: string;
}

/** No charts when nothing varies: a single point has no curve. */
export function tradeoffCharts(grid: Grid, stats: readonly PointStatistics[]): SweepChart[] {
  const axes = axesOf(grid);
  if (axes.x === undefined) return [];
  const xPath = grid.varies[axes.x].path;
  const optimal = paretoPoints(settingMeans(stats));
  const layers = new Map(
    chartMetrics.map((metric) => [metric, metricLayers(grid, stats, metric, optimal)]),
  );
  const charts = chartMetrics.map((metric) => ({
    name: metric,
    title: `${titles[metric]} by ${xPath}`,
    spec: { ...header(grid, `${titles[metric]} by ${xPath}`), ...layers.get(metric)! },
  }));
  const tradeoff = {
    ...header(grid, `The trade-off: downtime and false failovers by ${xPath}`),
    vconcat: (["downtime_s", "false_failovers"] as const).map((metric) => ({
      width: plotWidth,
      height: heightPx,
      ...layers.get(metric)!,
    })),
    resolve: { scale: { color: "shared", shape: "shared" } },
  };
  return [
    { name: "tradeoff", title: `Downtime and false failovers by ${xPath}`, spec: tradeoff },
    paretoChart(grid, stats, optimal, grid.seeds.length),
    ...charts,
  ];
}

function header(grid: Grid, title: string): Record<string, unknown> {
  const seeds = grid.seeds.length;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: title,
      subtitle: `mean over ${seeds} seed${seeds === 1 ? "" : "s"}; band or whiskers: 95% confidence interval of the mean`,
    },
    config: chartConfig(),
  };
}

/** One chart's data: per setting, its x value, series, the metric's mean and its interval. */
function metricData(
  grid: Grid,
  stats: readonly PointStatistics[],
  metric: MetricColumn,
  optimal: ReadonlySet<number>,
): Datum[] {
  const axes = axesOf(grid);
  const xIndex = axes.x!;
  return stats
    .filter((row) => row.metric === metric)
    .map(({ point, statistics: s }) => {
      const values = pointValues(grid, point);
      const valueIndex = grid.points[point][xIndex];
      return {
        x: axes.xNumbers ? axes.xNumbers[valueIndex] : values[xIndex],
        series: axes.series
          .map((i) => (axes.series.length > 1 ? `${grid.varies[i].path}=${values[i]}` : values[i]))
          .join(", "),
        mean: s.mean,
        ci95_low: s.ciLow,
        ci95_high: s.ciHigh,
        n: s.n,
        pareto: optimal.has(point),
        setting: settingText(grid, point),
        short: values[xIndex],
      };
    });
}

function metricLayers(
  grid: Grid,
  stats: readonly PointStatistics[],
  metric: MetricColumn,
  optimal: ReadonlySet<number>,
): Record<string, unknown> {
  const axes = axesOf(grid);
  const xVary = grid.varies[axes.x!];
  const seriesTitle = axes.series.map((i) => grid.varies[i].path).join(", ");
  const data = metricData(grid, stats, metric, optimal);
  const seriesNames = [...new Set(data.map((datum) => datum.series))];
  const color =
    axes.series.length === 0
      ? { value: seriesPalette[0] }
      : {
          field: "series",
          type: "nominal",
          title: seriesTitle,
          // Whole labels: with several varied paths each series names them all.
          legend: { labelLimit: 520, titleLimit: 520 },
          scale: {
            domain: seriesNames,
            range: seriesNames.map((_, i) => seriesPalette[i % seriesPalette.length]),
          },
        };
  const x = axes.xNumbers
    ? {
        field: "x",
        type: "quantitative",
        title: axes.xUnit === "s" ? `${xVary.path} (s)` : xVary.path,
      }
    : {
        field: "x",
        type: "ordinal",
        title: xVary.path,
        sort: xVary.values,
        axis: { labelAngle: 0 },
      };
  const y = {
    field: "mean",
    type: "quantitative",
    title: titles[metric as (typeof chartMetrics)[number]] ?? metric,
  };
  const tooltip = [
    { field: "x", title: xVary.path },
    ...(axes.series.length > 0 ? [{ field: "series", title: seriesTitle }] : []),
    { field: "mean", format: ".3f" },
    { field: "ci95_low", format: ".3f" },
    { field: "ci95_high", format: ".3f" },
    { field: "n" },
  ];
  const band = confidenceBand(x, color, axes.xNumbers !== undefined);
  const line = axes.xNumbers
    ? { mark: { type: "line", point: true, strokeWidth: 2 }, encoding: { x, y, color, tooltip } }
    : { mark: { type: "point", filled: true, size: 60 }, encoding: { x, y, color, tooltip } };
  return {
    width: plotWidth,
    height: heightPx,
    data: { values: data },
    layer: [band, line, ...paretoLayers(x, y, "short")],
  };
}

/** The 95% interval: an area (numeric x) or whiskers (categories), coloured through fill or
 *  stroke with its legend off — a legend turned off on the colour channel of one layer would
 *  remove the lines' legend too. Its field is a copy of the series under another name: Vega-Lite
 *  merges legends of channels that share a field, and "no legend" would then win. */
function confidenceBand(x: object, color: Record<string, unknown>, numeric: boolean): object {
  const bandColor =
    "field" in color ? { ...color, field: "band", legend: null } : { value: color.value };
  const encoding = {
    x,
    y: { field: "ci95_low", type: "quantitative" },
    y2: { field: "ci95_high" },
    [numeric ? "fill" : "stroke"]: bandColor,
  };
  const transform = [{ calculate: "datum.series", as: "band" }];
  return numeric
    ? { transform, mark: { type: "area", opacity: 0.2 }, encoding }
    : { transform, mark: { type: "rule", strokeWidth: 1.5 }, encoding };
}
