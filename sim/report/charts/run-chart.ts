// A chart of one run: one module per chart (timeline-chart.ts, writes-chart.ts, …), each a
// RunChart — its name (the file name: charts/<name>.vl.json, .svg, .png), when it applies (a run
// without the data gets no such chart, and the page says why), its title and caption for
// report.html, and the builder of its Vega-Lite spec. The registry, in report order, is
// charts/index.ts.
import type { RunSeries } from "../../metrics/series.ts";
import type { TimelineRow } from "../../metrics/timeline.ts";

export interface RunChartsInput {
  name: string;
  seed: number;
  timeline: readonly TimelineRow[];
  series: RunSeries;
}

export interface RunChart<N extends string = string> {
  readonly name: N;
  /** Why this run has no such chart, one sentence for report.html; null when it has one. */
  absence(input: RunChartsInput): string | null;
  title(input: RunChartsInput): string;
  /** What the chart shows, one or two sentences of plain text. */
  readonly caption: string;
  spec(input: RunChartsInput): object;
}

/** A chart module's one export; the identity, for the name's literal type. */
export function defineChart<N extends string>(chart: RunChart<N>): RunChart<N> {
  return chart;
}
