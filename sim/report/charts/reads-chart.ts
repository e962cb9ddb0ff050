// The reads chart: for each client group that reads, the reads issued per second, stacked by
// outcome — answered up to date, answered stale (a read-your-writes violation), refused, timed
// out — per time bucket, by issue time (like the writes chart, whose layout it shares). One
// panel per group, same time axis, fault periods shaded and promotions marked.
import { readOutcomes, type ReadSeries } from "../../metrics/read-series.ts";
import type { RunSeries } from "../../metrics/series.ts";
import type { ReadOutcome } from "../../model/index.ts";
import { chartContext, contextLayers, withFaultColor, type ChartContext } from "./context-layers.ts";
import { chartConfig, colorEncoding, colorScale, plotWidth, readOutcomeColors, type ColorScale } from "./theme.ts";
import { formatWidth, TimeAxis } from "./time-axis.ts";

const panelHeightPx = 150;

/** Legend names; "rejected" and "timed out" share the writes chart's colours. */
const outcomeNames: Readonly<Record<ReadOutcome, string>> = {
  fresh: "up to date",
  stale: "stale (own write missing)",
  rejected: "rejected",
  timeout: "timed out",
};

export interface ReadsChartInput {
  name: string;
  seed: number;
  series: RunSeries;
}

export function readsChart(input: ReadsChartInput): object {
  const { series } = input;
  const axis = new TimeAxis(series.endUs);
  const context = chartContext(series, axis);
  const names = readOutcomes.map((outcome) => outcomeNames[outcome]);
  const colors = withFaultColor(context, colorScale(names, readOutcomeColors, "read outcome"));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Reads and read-your-writes",
      subtitle: `${input.name} · seed ${input.seed} · reads per second by issue time, by outcome, per client group`,
    },
    config: chartConfig(),
    datasets: { reads: series.reads.flatMap((client) => readRows(client, series, axis)), ...context.datasets },
    vconcat: series.reads.map((client) => panel(client.client, names, colors, context, axis, series.bucketUs)),
    resolve: { scale: { color: "shared", x: "shared" } },
  };
}

function panel(client: string, names: string[], colors: ColorScale, context: ChartContext, axis: TimeAxis, bucketUs: number): object {
  const xTitle = `${axis.title()}, ${formatWidth(bucketUs)} buckets`;
  return {
    title: { text: `client group ${client}`, fontSize: 12, fontWeight: "normal" },
    width: plotWidth,
    height: panelHeightPx,
    layer: [
      {
        data: { name: "reads" },
        transform: [
          { filter: { field: "client", equal: client } },
          { fold: names, as: ["outcome", "rate"] },
          { calculate: `indexof(${JSON.stringify(names)}, datum.outcome)`, as: "rank" },
        ],
        mark: { type: "area", interpolate: "step-after" },
        encoding: {
          x: { field: "t", type: "quantitative", scale: axis.scale(), title: xTitle },
          y: { field: "rate", type: "quantitative", stack: "zero", title: "reads/s" },
          color: colorEncoding("outcome", colors),
          order: { field: "rank", type: "quantitative" },
        },
      },
      ...contextLayers(context, axis, xTitle, colors),
    ],
  };
}

/** One row per bucket in which reads were issued, with a rate per outcome, and a closing row at
 *  the end of the reads so the last step is drawn to its end. */
export function readRows(client: ReadSeries, series: RunSeries, axis: TimeAxis): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  for (let i = 0; i < series.bucketCount && i * series.bucketUs < series.durationUs; i++) {
    const startUs = i * series.bucketUs;
    const widthS = Math.min(series.bucketUs, series.durationUs - startUs) / 1e6;
    const row: Record<string, string | number> = { client: client.client, t: axis.at(startUs) };
    for (const { outcome, counts } of client.outcomes) row[outcomeNames[outcome]] = Math.round((counts[i] / widthS) * 1000) / 1000;
    rows.push(row);
  }
  if (rows.length > 0) rows.push({ ...rows[rows.length - 1], t: axis.at(series.durationUs) });
  return rows;
}
