// The reads chart: for each client group that reads, the reads issued per second, stacked by
// outcome — answered up to date, answered stale (a read-your-writes violation), refused, timed
// out — per time bucket, by issue time (like the writes chart, whose layout it shares). One
// panel per group, same time axis, fault periods shaded and promotions marked.
import { readOutcomes, type ReadSeries } from "../../metrics/read-series.ts";
import type { RunSeries } from "../../metrics/series.ts";
import type { ReadOutcome } from "../../model/index.ts";
import { chartContext, withFaultColor } from "./context-layers.ts";
import { outcomePanel } from "./outcome-panel.ts";
import { chartConfig, colorScale, readOutcomeColors } from "./theme.ts";
import { TimeAxis } from "./time-axis.ts";
import { defineChart } from "./run-chart.ts";

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

function readsSpec(input: ReadsChartInput): object {
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
    datasets: {
      reads: series.reads.flatMap((client) => readRows(client, series, axis)),
      ...context.datasets,
    },
    vconcat: series.reads.map((client) =>
      outcomePanel({
        dataset: "reads",
        client: client.client,
        outcomes: names,
        unit: "reads/s",
        colors,
        context,
        axis,
        bucketUs: series.bucketUs,
      }),
    ),
    resolve: { scale: { color: "shared", x: "shared" } },
  };
}

/** One row per bucket in which reads were issued, with a rate per outcome, and a closing row at
 *  the end of the reads so the last step is drawn to its end. */
export function readRows(
  client: ReadSeries,
  series: RunSeries,
  axis: TimeAxis,
): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  for (let i = 0; i < series.bucketCount && i * series.bucketUs < series.durationUs; i++) {
    const startUs = i * series.bucketUs;
    const widthS = Math.min(series.bucketUs, series.durationUs - startUs) / 1e6;
    const row: Record<string, string | number> = { client: client.client, t: axis.at(startUs) };
    for (const { outcome, counts } of client.outcomes)
      row[outcomeNames[outcome]] = Math.round((counts[i] / widthS) * 1000) / 1000;
    rows.push(row);
  }
  if (rows.length > 0) rows.push({ ...rows[rows.length - 1], t: axis.at(series.durationUs) });
  return rows;
}

export const readsChart = defineChart({
  name: "reads",
  absence: (input) =>
    input.series.reads.length > 0 ? null : "No reads chart: no client group reads.",
  title: () => "Reads and read-your-writes",
  caption:
    "Reads issued per second by each client group that reads, stacked by outcome: answered up to date, answered by a " +
    "node that had not applied the connection's last acknowledged write (a read-your-writes violation), rejected, or timed out.",
  spec: readsSpec,
});
