// The replication-lag chart: for each node that applied replicated entries, the worst lag it
// applied with in each time bucket, as a stepped line. Lag is sampled only when a node applies,
// so the line breaks where a node applied nothing (cut off, down, or primary itself) instead of
// pretending the lag was zero; a lone bucket between gaps gets a dot so it is not lost. The
// unit is milliseconds when the worst lag stays under a second, seconds otherwise.
import { spokenDuration } from "../../dsl/index.ts";
import type { LagSeries } from "../../metrics/lag-series.ts";
import type { RunSeries } from "../../metrics/series.ts";
import { chartContext, contextLayers, withFaultColor } from "./context-layers.ts";
import { chartConfig, colorEncoding, colorScale, plotWidth, seriesPalette } from "./theme.ts";
import { round, TimeAxis } from "./time-axis.ts";
import { defineChart } from "./run-chart.ts";

const heightPx = 180;

export interface LagChartInput {
  name: string;
  seed: number;
  series: RunSeries;
}

export interface LagRow {
  node: string;
  t: number;
  lag: number | null;
}

function lagSpec(input: LagChartInput): object {
  const { series } = input;
  const axis = new TimeAxis(series.endUs);
  const context = chartContext(series, axis);
  const worstUs = Math.max(
    0,
    ...series.lag.flatMap((node) => node.worstLagUs.map((lag) => lag ?? 0)),
  );
  const unit = worstUs < 1e6 ? { symbol: "ms", us: 1e3 } : { symbol: "s", us: 1e6 };
  const nodes = series.lag.map((node) => node.node);
  const known = Object.fromEntries(
    nodes.map((node, i) => [node, seriesPalette[i % seriesPalette.length]]),
  );
  const colors = withFaultColor(context, colorScale(nodes, known, "node"));
  const { lines, dots } = lagRows(series, axis, unit.us);
  const x = {
    field: "t",
    type: "quantitative",
    scale: axis.scale(),
    title: `${axis.title()}, ${spokenDuration(series.bucketUs)} buckets`,
  };
  // Headroom above the worst value: a lag that stays flat would otherwise run along the frame.
  const y = {
    field: "lag",
    type: "quantitative",
    title: `worst lag (${unit.symbol})`,
    scale: { domain: [0, round((Math.max(worstUs, 1) * 1.15) / unit.us)], nice: true },
  };
  const color = colorEncoding("node", colors);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Replication lag",
      subtitle: `${input.name} · seed ${input.seed} · worst lag applied per bucket, per node; gaps: nothing applied`,
    },
    width: plotWidth,
    height: heightPx,
    config: chartConfig(),
    datasets: { lag: lines, lagDots: dots, ...context.datasets },
    layer: [
      {
        data: { name: "lag" },
        mark: { type: "line", interpolate: "step-after", strokeWidth: 1.5 },
        encoding: { x, y, color },
      },
      {
        data: { name: "lagDots" },
        mark: { type: "point", filled: true, size: 30 },
        encoding: { x, y, color },
      },
      ...contextLayers(context, axis, x.title, colors),
    ],
  };
}

/** Stepped lines per node (each run of buckets with samples, closed at its last bucket's end
 *  and followed by a null that breaks the line) and dots for runs of a single bucket. */
export function lagRows(
  series: RunSeries,
  axis: TimeAxis,
  unitUs: number,
): { lines: LagRow[]; dots: LagRow[] } {
  const lines: LagRow[] = [];
  const dots: LagRow[] = [];
  for (const { node, worstLagUs } of series.lag as LagSeries[]) {
    let runLength = 0;
    for (let i = 0; i <= worstLagUs.length; i++) {
      const lagUs = i < worstLagUs.length ? worstLagUs[i] : null;
      const t = axis.at(Math.min(i * series.bucketUs, series.endUs));
      if (lagUs !== null) {
        lines.push({ node, t, lag: round(lagUs / unitUs) });
        runLength++;
        continue;
      }
      if (runLength > 0) {
        const previous = lines[lines.length - 1];
        lines.push({ node, t, lag: previous.lag });
        if (runLength === 1) dots.push({ ...previous });
        if (i < worstLagUs.length) lines.push({ node, t, lag: null });
      }
      runLength = 0;
    }
  }
  return { lines, dots };
}

export const lagChart = defineChart({
  name: "lag",
  absence: (input) =>
    input.series.lag.length > 0
      ? null
      : "No replication-lag chart: no node applied replicated entries in this run.",
  title: () => "Replication lag",
  caption:
    "The worst replication lag each node applied entries with, per time bucket. The line breaks where a node " +
    "applied nothing — cut off, down, or primary itself.",
  spec: lagSpec,
});
