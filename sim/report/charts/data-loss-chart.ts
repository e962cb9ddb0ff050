// The data-loss chart, drawn when a run lost or diverged writes, in up to two panels on the
// shared time axis: divergent writes — accepted by a deposed primary after another node's
// promotion — per second, per node that accepted them; and lost writes — each stretch of
// acknowledged writes the final history lacks, as a bar from the first to the last lost write's
// acceptance in the lane of the node that accepted them, labelled with its count. The trace
// gives a lost stretch only as a span and a count; a stretch shorter than a bucket is drawn one
// bucket wide so it stays visible. A panel without data is left out.
import { groupThousands, spokenDuration } from "../../dsl/index.ts";
import type { RunSeries } from "../../metrics/series.ts";
import {
  chartContext,
  contextLayers,
  withFaultColor,
  type ChartContext,
} from "./context-layers.ts";
import {
  chartConfig,
  colorEncoding,
  colorScale,
  lostColor,
  plotWidth,
  seriesPalette,
  type ColorScale,
} from "./theme.ts";
import { round, TimeAxis } from "./time-axis.ts";
import { defineChart } from "./run-chart.ts";

const divergentHeightPx = 140;
const lostLaneHeightPx = 26;

export interface DataLossChartInput {
  name: string;
  seed: number;
  series: RunSeries;
}

/** Whether the run has anything for this chart to show. */
export function hasDataLoss(series: RunSeries): boolean {
  return series.dataLoss.lost.length > 0 || series.dataLoss.divergent.length > 0;
}

function dataLossSpec(input: DataLossChartInput): object {
  const { series } = input;
  const axis = new TimeAxis(series.endUs);
  const context = chartContext(series, axis);
  const divergent = divergentRows(series, axis);
  const lost = lostRows(series, axis);
  const nodes = [...new Set(divergent.map((row) => row.node))];
  const known = Object.fromEntries(
    nodes.map((node, i) => [node, seriesPalette[(i + 1) % seriesPalette.length]]),
  );
  const colors = withFaultColor(context, colorScale(nodes, known, "accepted by"));
  const xTitle = `${axis.title()}, ${spokenDuration(series.bucketUs)} buckets`;
  const panels: object[] = [];
  if (divergent.length > 0) panels.push(divergentPanel(context, axis, xTitle, colors));
  if (lost.length > 0)
    panels.push(
      lostPanel(context, axis, xTitle, [...new Set(lost.map((row) => row.node))], colors),
    );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Lost and divergent writes",
      subtitle: `${input.name} · seed ${input.seed} · writes accepted by a deposed primary, and acknowledged writes the final history lacks`,
    },
    config: chartConfig(),
    datasets: { divergent, lost, ...context.datasets },
    vconcat: panels,
    resolve: { scale: { color: "shared", x: "shared" } },
  };
}

/** Divergent writes accepted per second, one stepped area per node. */
function divergentPanel(
  context: ChartContext,
  axis: TimeAxis,
  xTitle: string,
  colors: ColorScale,
): object {
  return {
    title: {
      text: "divergent writes: accepted by a primary after another node's promotion",
      fontSize: 12,
      fontWeight: "normal",
    },
    width: plotWidth,
    height: divergentHeightPx,
    layer: [
      {
        data: { name: "divergent" },
        mark: { type: "area", interpolate: "step-after", fillOpacity: 0.75 },
        encoding: {
          x: { field: "t", type: "quantitative", scale: axis.scale(), title: xTitle },
          y: { field: "rate", type: "quantitative", stack: null, title: "writes/s" },
          color: colorEncoding("node", colors),
        },
      },
      ...contextLayers(context, axis, xTitle, colors),
    ],
  };
}

/** Lost stretches as bars in a lane per node, from the first to the last lost write's
 *  acceptance, labelled with their count. */
function lostPanel(
  context: ChartContext,
  axis: TimeAxis,
  xTitle: string,
  nodes: string[],
  colors: ColorScale,
): object {
  const y = {
    field: "node",
    type: "nominal",
    scale: { domain: nodes, paddingInner: 0.25 },
    title: null,
    axis: { ticks: false, domain: false },
  };
  return {
    title: {
      text: "lost writes: acknowledged to a client, missing from the final history",
      fontSize: 12,
      fontWeight: "normal",
    },
    width: plotWidth,
    height: lostLaneHeightPx * nodes.length,
    layer: [
      {
        data: { name: "lost" },
        mark: { type: "rect", color: lostColor, fillOpacity: 0.85 },
        encoding: {
          x: { field: "start", type: "quantitative", scale: axis.scale(), title: xTitle },
          x2: { field: "end" },
          y,
        },
      },
      {
        data: { name: "lost" },
        mark: {
          type: "text",
          align: "left",
          baseline: "middle",
          dx: 4,
          fontSize: 11,
          color: lostColor,
        },
        encoding: {
          x: { field: "end", type: "quantitative", scale: axis.scale(), title: xTitle },
          y,
          text: { field: "text" },
        },
      },
      ...contextLayers(context, axis, xTitle, colors),
    ],
  };
}

/** Each lost stretch, at least one bucket wide so a short one stays visible. */
function lostRows(
  series: RunSeries,
  axis: TimeAxis,
): { node: string; start: number; end: number; count: number; text: string }[] {
  return series.dataLoss.lost.map((stretch) => ({
    node: stretch.node,
    start: axis.at(stretch.firstUs),
    end: axis.at(Math.max(stretch.lastUs, stretch.firstUs + series.bucketUs)),
    count: stretch.count,
    text: `${groupThousands(stretch.count)} lost`,
  }));
}

/** Per node, the buckets with divergent writes as a stepped rate, dropping to 0 after each run
 *  of such buckets (only the changes are listed, so a long run stays small). */
function divergentRows(
  series: RunSeries,
  axis: TimeAxis,
): { node: string; t: number; rate: number }[] {
  const rows: { node: string; t: number; rate: number }[] = [];
  const widthS = series.bucketUs / 1e6;
  for (const { node, counts } of series.dataLoss.divergent) {
    rows.push({ node, t: 0, rate: 0 });
    for (let i = 0; i < counts.length; i++) {
      const t = axis.at(Math.min(i * series.bucketUs, series.endUs));
      if (counts[i] > 0) rows.push({ node, t, rate: round(counts[i] / widthS) });
      else if (i > 0 && counts[i - 1] > 0) rows.push({ node, t, rate: 0 });
    }
    rows.push({ node, t: axis.at(series.endUs), rate: 0 });
  }
  return rows;
}

export const dataLossChart = defineChart({
  name: "data-loss",
  absence: (input) =>
    hasDataLoss(input.series) ? null : "No data-loss chart: no write was lost or divergent.",
  title: () => "Lost and divergent writes",
  caption:
    "Writes accepted by a deposed primary after another node was promoted (divergent), per second; and each stretch of " +
    "acknowledged writes missing from the final history (lost), as a bar from its first to its last write in the lane " +
    "of the node that accepted them.",
  spec: dataLossSpec,
});
