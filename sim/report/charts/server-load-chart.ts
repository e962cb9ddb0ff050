// The servers chart: the requests each pool server handled per second, stacked (each server a
// band, the top edge the pool's total), per time bucket, up to the end of the clients' requests.
// It shows what the pool's failover is: a failed server's band vanishing and the others widening
// (and whether they hold it), a cascade, and users kept where the load balancer moved them after
// the server returns.
import { spokenDuration } from "../../dsl/index.ts";
import type { RunSeries } from "../../metrics/series.ts";
import { chartContext, contextLayers, withFaultColor } from "./context-layers.ts";
import { chartConfig, colorEncoding, colorScale, plotWidth, seriesPalette } from "./theme.ts";
import { TimeAxis } from "./time-axis.ts";
import { defineChart } from "./run-chart.ts";

const heightPx = 180;

export interface ServerLoadChartInput {
  name: string;
  seed: number;
  series: RunSeries;
}

export interface ServerLoadRow {
  node: string;
  t: number;
  rate: number;
}

function serverLoadSpec(input: ServerLoadChartInput): object {
  const { series } = input;
  const axis = new TimeAxis(series.endUs);
  const context = chartContext(series, axis);
  const nodes = series.serverLoad.map((server) => server.node);
  const known = Object.fromEntries(
    nodes.map((node, i) => [node, seriesPalette[i % seriesPalette.length]]),
  );
  const colors = withFaultColor(context, colorScale(nodes, known, "server"));
  const x = {
    field: "t",
    type: "quantitative",
    scale: axis.scale(),
    title: `${axis.title()}, ${spokenDuration(series.bucketUs)} buckets`,
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: "Load on each server",
      subtitle: `${input.name} · seed ${input.seed} · requests handled per second by each server of the pool`,
    },
    width: plotWidth,
    height: heightPx,
    config: chartConfig(),
    datasets: { load: serverLoadRows(series, axis), ...context.datasets },
    layer: [
      {
        data: { name: "load" },
        transform: [{ calculate: `indexof(${JSON.stringify(nodes)}, datum.node)`, as: "rank" }],
        mark: { type: "area", interpolate: "step-after" },
        encoding: {
          x,
          y: { field: "rate", type: "quantitative", stack: "zero", title: "requests/s" },
          color: colorEncoding("node", colors),
          order: { field: "rank", type: "quantitative" },
        },
      },
      ...contextLayers(context, axis, x.title, colors),
    ],
  };
}

/** Each server's rate per bucket while clients send (the drain after is left out, as in the
 *  writes chart), closed at the end of the requests. */
export function serverLoadRows(series: RunSeries, axis: TimeAxis): ServerLoadRow[] {
  const rows: ServerLoadRow[] = [];
  for (const { node, served } of series.serverLoad) {
    let last: ServerLoadRow | undefined;
    for (let i = 0; i < served.length && i * series.bucketUs < series.durationUs; i++) {
      const startUs = i * series.bucketUs;
      const widthS = Math.min(series.bucketUs, series.durationUs - startUs) / 1e6;
      last = { node, t: axis.at(startUs), rate: Math.round((served[i] / widthS) * 1000) / 1000 };
      rows.push(last);
    }
    if (last) rows.push({ ...last, t: axis.at(series.durationUs) });
  }
  return rows;
}

export const serverLoadChart = defineChart({
  name: "servers",
  absence: (input) =>
    input.series.serverLoad.length > 0
      ? null
      : "No servers chart: the scenario has no pool of servers.",
  title: () => "Load on each server",
  caption:
    "Requests each server of the pool handled per second. When a server fails, its share moves onto the others once " +
    "the load balancer takes it out of rotation; whether they can carry it decides whether the pool holds or cascades.",
  spec: serverLoadSpec,
});
