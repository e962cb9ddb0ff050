// The registry of a run's charts, in report order: one module per chart (run-chart.ts) — the
// only list. Each key is its chart's name (a type error otherwise); a chart's files are
// charts/<name>.vl.json, .svg and .png.
import { dataLossChart } from "./data-loss-chart.ts";
import { lagChart } from "./lag-chart.ts";
import { readsChart } from "./reads-chart.ts";
import type { RunChart } from "./run-chart.ts";
import { serverLoadChart } from "./server-load-chart.ts";
import { timelineChart } from "./timeline-chart.ts";
import { writesChart } from "./writes-chart.ts";

/** Each chart under its own name. */
function byName<R extends { [K in keyof R]: RunChart<K & string> }>(charts: R): R {
  return charts;
}

export const runChartKinds = byName({
  timeline: timelineChart,
  writes: writesChart,
  reads: readsChart,
  lag: lagChart,
  servers: serverLoadChart,
  "data-loss": dataLossChart,
});

export type RunChartName = keyof typeof runChartKinds;

/** Every chart a run can have, in report order; files of the others are removed from a reused
 *  report folder. */
export const runChartNames = Object.keys(runChartKinds) as RunChartName[];
