// The charts of one run, in report order (the registry, charts/index.ts), each with its file name
// (charts/<name>.vl.json, .svg, .png), a title, and a sentence saying what it shows for
// report.html. A chart without data in this run is left out and the page says why.
import { runChartKinds, type RunChartName } from "./index.ts";
import type { RunChartsInput } from "./run-chart.ts";

export { runChartNames, type RunChartName } from "./index.ts";
export type { RunChartsInput } from "./run-chart.ts";

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
  const charts: ChartDefinition[] = [];
  const skipped: string[] = [];
  for (const chart of Object.values(runChartKinds)) {
    const absence = chart.absence(input);
    if (absence !== null) skipped.push(absence);
    else
      charts.push({
        name: chart.name,
        title: chart.title(input),
        caption: chart.caption,
        spec: chart.spec(input),
      });
  }
  return { charts, skipped };
}
