// The write-availability chart: for each client group, the writes issued per second, split into
// acknowledged and failed (by reason: rejected by a node that is not primary, timed out, failed
// fast by an open circuit breaker, or answered by the breaker's fallback),
// stacked, per time bucket. Writes are counted by issue time — where the client met the outage,
// the clock of downtime_s. Rates divide by the bucket's width (the last bucket before the end
// of the writes by what is left of it). One panel per client group, same time axis, fault
// periods shaded and promotions marked.
import type { RunSeries } from "../../metrics/series.ts";
import type { WriteSeries } from "../../metrics/write-series.ts";
import { chartContext, withFaultColor } from "./context-layers.ts";
import { outcomePanel } from "./outcome-panel.ts";
import { chartConfig, colorScale, outcomeColors } from "./theme.ts";
import { TimeAxis } from "./time-axis.ts";
import { defineChart } from "./run-chart.ts";

/** Legend names of failure reasons; reasons the model adds later keep their own name. */
const reasonNames: Readonly<Record<string, string>> = {
  rejected: "rejected",
  timeout: "timed out",
  "breaker-open": "failed fast (breaker open)",
  fallback: "fallback (degraded)",
};
const ackedName = "acknowledged";

export interface WritesChartInput {
  name: string;
  seed: number;
  series: RunSeries;
}

function writesSpec(input: WritesChartInput): object {
  const { series } = input;
  const axis = new TimeAxis(series.endUs);
  const context = chartContext(series, axis);
  const outcomes = [
    ackedName,
    ...new Set(series.writes.flatMap((client) => client.failed.map((f) => reasonName(f.reason)))),
  ];
  const colors = withFaultColor(context, colorScale(outcomes, outcomeColors, "write outcome"));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Write availability",
      subtitle: `${input.name} · seed ${input.seed} · writes per second by issue time: acknowledged vs failed, per client group`,
    },
    config: chartConfig(),
    datasets: {
      writes: series.writes.flatMap((client) => writeRows(client, series, axis)),
      ...context.datasets,
    },
    vconcat: series.writes.map((client) =>
      outcomePanel({
        dataset: "writes",
        client: client.client,
        outcomes: outcomes,
        unit: "writes/s",
        colors,
        context,
        axis,
        bucketUs: series.bucketUs,
      }),
    ),
    resolve: { scale: { color: "shared", x: "shared" } },
  };
}

/** One row per bucket in which writes were issued, with a rate per outcome, and a closing row
 *  at the end of the writes so the last step is drawn to its end. */
export function writeRows(
  client: WriteSeries,
  series: RunSeries,
  axis: TimeAxis,
): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  let last: Record<string, string | number> | undefined;
  for (let i = 0; i < client.acked.length && i * series.bucketUs < series.durationUs; i++) {
    const startUs = i * series.bucketUs;
    const widthS = Math.min(series.bucketUs, series.durationUs - startUs) / 1e6;
    const row: Record<string, string | number> = {
      client: client.client,
      t: axis.at(startUs),
      [ackedName]: rate(client.acked[i], widthS),
    };
    for (const failed of client.failed)
      row[reasonName(failed.reason)] = rate(failed.counts[i], widthS);
    rows.push(row);
    last = row;
  }
  if (last) rows.push({ ...last, t: axis.at(series.durationUs) });
  return rows;
}

function reasonName(reason: string): string {
  return reasonNames[reason] ?? reason;
}

function rate(count: number, widthS: number): number {
  return Math.round((count / widthS) * 1000) / 1000;
}

export const writesChart = defineChart({
  name: "writes",
  absence: (input) =>
    input.series.writes.length > 0
      ? null
      : "No write-availability chart: the scenario has no clients.",
  title: () => "Write availability",
  caption:
    "Writes issued per second by each client group, stacked by outcome: acknowledged, rejected by a node that " +
    "was not primary, or timed out. Counted by issue time, so a dip sits where clients met the outage.",
  spec: writesSpec,
});
