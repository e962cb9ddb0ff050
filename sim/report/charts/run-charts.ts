// The charts of one run, in report order, each with its file name (charts/<name>.vl.json,
// .svg, .png), a title, and a sentence saying what it shows for report.html. A chart without
// data in this run is left out and the page says why: no clients means no write chart, no reads
// no reads chart, no replication no lag chart, no pool of servers no servers chart, nothing lost
// or divergent no data-loss chart.
import type { RunSeries } from "../../metrics/series.ts";
import type { TimelineRow } from "../../metrics/timeline.ts";
import { dataLossChart, hasDataLoss } from "./data-loss-chart.ts";
import { lagChart } from "./lag-chart.ts";
import { readsChart } from "./reads-chart.ts";
import { serverLoadChart } from "./server-load-chart.ts";
import { timelineChart } from "./timeline-chart.ts";
import { writesChart } from "./writes-chart.ts";

/** Every chart a run can have; files of the others are removed from a reused report folder. */
export const runChartNames = ["timeline", "writes", "reads", "lag", "servers", "data-loss"] as const;
export type RunChartName = (typeof runChartNames)[number];

export interface RunChartsInput {
  name: string;
  seed: number;
  timeline: readonly TimelineRow[];
  series: RunSeries;
}

export interface ChartDefinition {
  name: RunChartName;
  title: string;
  /** What the chart shows, one or two sentences of plain text. */
  caption: string;
  spec: object;
}

export interface RunCharts {
  charts: ChartDefinition[];
  /** One sentence per chart left out, saying why. */
  skipped: string[];
}

export function runCharts(input: RunChartsInput): RunCharts {
  const { series } = input;
  const charts: ChartDefinition[] = [
    {
      name: "timeline",
      title: input.timeline.some((row) => row.kind === "role") ? "Who was primary when" : "Which servers were up and in rotation",
      caption:
        "One lane per node, coloured by its role (or by its process state when it is not running normally); " +
        "the lanes under a database node show when each monitor suspected it, those under a pool server when a load " +
        "balancer had it out of rotation. Grey shading marks fault periods; " +
        "dashed lines mark promotions.",
      spec: timelineChart(input),
    },
  ];
  const skipped: string[] = [];
  if (series.writes.length > 0) {
    charts.push({
      name: "writes",
      title: "Write availability",
      caption:
        "Writes issued per second by each client group, stacked by outcome: acknowledged, rejected by a node that " +
        "was not primary, or timed out. Counted by issue time, so a dip sits where clients met the outage.",
      spec: writesChart(input),
    });
  } else {
    skipped.push("No write-availability chart: the scenario has no clients.");
  }
  if (series.reads.length > 0) {
    charts.push({
      name: "reads",
      title: "Reads and read-your-writes",
      caption:
        "Reads issued per second by each client group that reads, stacked by outcome: answered up to date, answered by a " +
        "node that had not applied the connection's last acknowledged write (a read-your-writes violation), rejected, or timed out.",
      spec: readsChart(input),
    });
  } else {
    skipped.push("No reads chart: no client group reads.");
  }
  if (series.lag.length > 0) {
    charts.push({
      name: "lag",
      title: "Replication lag",
      caption:
        "The worst replication lag each node applied entries with, per time bucket. The line breaks where a node " +
        "applied nothing — cut off, down, or primary itself.",
      spec: lagChart(input),
    });
  } else {
    skipped.push("No replication-lag chart: no node applied replicated entries in this run.");
  }
  if (series.serverLoad.length > 0) {
    charts.push({
      name: "servers",
      title: "Load on each server",
      caption:
        "Requests each server of the pool handled per second. When a server fails, its share moves onto the others once " +
        "the load balancer takes it out of rotation; whether they can carry it decides whether the pool holds or cascades.",
      spec: serverLoadChart(input),
    });
  } else {
    skipped.push("No servers chart: the scenario has no pool of servers.");
  }
  if (hasDataLoss(series)) {
    charts.push({
      name: "data-loss",
      title: "Lost and divergent writes",
      caption:
        "Writes accepted by a deposed primary after another node was promoted (divergent), per second; and each stretch of " +
        "acknowledged writes missing from the final history (lost), as a bar from its first to its last write in the lane " +
        "of the node that accepted them.",
      spec: dataLossChart(input),
    });
  } else {
    skipped.push("No data-loss chart: no write was lost or divergent.");
  }
  return { charts, skipped };
}
