// The trade-off charts of a sweep, as Vega-Lite specs with their data inline (pure data: open one
// in any Vega editor). One chart per headline metric: x = the x path of axes.ts (durations in
// seconds), y = the mean over seeds with its 95% confidence interval as a shaded band, one line
// per combination of the series paths. With categorical x (say replication.mode), points with
// CI whiskers instead of lines. Plus `tradeoff`, downtime and false failovers stacked on one x
// axis: the two sides of the "which timeout?" question side by side. Numbers come from the
// aggregate (aggregate.ts), so a merged sweep draws the same charts.
import { chartConfig, plotWidth, seriesPalette } from "../report/charts/theme.ts";
import type { MetricColumn } from "../scenario/index.ts";
import type { PointStatistics } from "./aggregate.ts";
import { axesOf } from "./axes.ts";
import { pointValues, type Grid } from "./grid.ts";

export const chartMetrics = [
  "downtime_s",
  "false_failovers",
  "lost_writes",
  "failovers",
] as const satisfies readonly MetricColumn[];

export interface SweepChart {
  /** File name stem: charts/<name>.vl.json (and .svg, .png). */
  name: string;
  title: string;
  spec: object;
}

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
}

/** No charts when nothing varies: a single point has no curve. */
export function tradeoffCharts(grid: Grid, stats: readonly PointStatistics[]): SweepChart[] {
  const axes = axesOf(grid);
  if (axes.x === undefined) return [];
  const xPath = grid.varies[axes.x].path;
  const layers = new Map(chartMetrics.map((metric) => [metric, metricLayers(grid, stats, metric)]));
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
    resolve: { scale: { color: "shared" } },
  };
  return [
    { name: "tradeoff", title: `Downtime and false failovers by ${xPath}`, spec: tradeoff },
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

function metricLayers(
  grid: Grid,
  stats: readonly PointStatistics[],
  metric: MetricColumn,
): Record<string, unknown> {
  const axes = axesOf(grid);
  const xIndex = axes.x!;
  const xVary = grid.varies[xIndex];
  const seriesTitle = axes.series.map((i) => grid.varies[i].path).join(", ");
  const data: Datum[] = stats
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
      };
    });
  const seriesNames = [...new Set(data.map((datum) => datum.series))];
  const color =
    axes.series.length === 0
      ? { value: seriesPalette[0] }
      : {
          field: "series",
          type: "nominal",
          title: seriesTitle,
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
  // The band's colour carries no legend of its own: its pale swatch would stand for the line.
  const bandColor = "field" in color ? { ...color, legend: null } : color;
  const interval = {
    x,
    y: { field: "ci95_low", type: "quantitative" },
    y2: { field: "ci95_high" },
    color: bandColor,
  };
  const band = axes.xNumbers
    ? { mark: { type: "area", opacity: 0.2 }, encoding: interval }
    : { mark: { type: "rule", strokeWidth: 1.5 }, encoding: interval };
  const line = axes.xNumbers
    ? { mark: { type: "line", point: true, strokeWidth: 2 }, encoding: { x, y, color, tooltip } }
    : { mark: { type: "point", filled: true, size: 60 }, encoding: { x, y, color, tooltip } };
  return { width: plotWidth, height: heightPx, data: { values: data }, layer: [band, line] };
}
