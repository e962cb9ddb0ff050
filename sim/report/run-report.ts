// The report folder of one run (docs/metrics.md#outputs-of-sim-run): summary.csv, groups.csv,
// timeline.csv and events.csv, and — unless charts are off (`--no-charts`) — report.html and
// charts/<name>.vl.json, .svg and .png for every chart of the run, the folder replaced whole
// (output/output-folder.ts), so it never mixes files from two runs. events.csv is always written —
// with only its header at `--trace none`. The CSV files never depend on charts.
import * as path from "node:path";
import type { RunResult } from "../run/run-scenario.ts";
import { OutputFolder, type FileOps, type OutputFile } from "./output/index.ts";
import { renderCharts } from "./charts/render.ts";
import { runChartNames, runCharts } from "./charts/run-charts.ts";
import { eventsCsv, groupsCsv, summaryCsv, timelineCsv } from "./csv.ts";
import { reportPage, type PageChart } from "./html/report-page.ts";
import { replayData } from "./replay/replay-data.ts";

/** What the CSV files need. */
export type CsvReportInput = Pick<
  RunResult,
  "name" | "seed" | "metrics" | "groups" | "timeline" | "events"
>;
/** What the whole report needs: the CSV input plus what the page and charts show. */
export type RunReportInput = CsvReportInput &
  Pick<RunResult, "summary" | "teaching" | "world" | "fingerprint" | "breaches" | "series">;

export interface RunReportOptions {
  /** Render charts and report.html (default true); false writes the CSV files only. */
  charts?: boolean;
  /** File operations, replaceable in tests. */
  ops?: Partial<FileOps>;
}

const chartExtensions = ["vl.json", "svg", "png"] as const;
const csvNames = ["summary.csv", "groups.csv", "timeline.csv", "events.csv"];

/** Every name a run's report may hold (folders end in "/"). */
export const runReportNames: readonly string[] = [
  ...csvNames,
  "report.html",
  "charts/",
  ...runChartNames.flatMap((name) => chartExtensions.map((ext) => `charts/${name}.${ext}`)),
];

/** The files of a run's report, in memory (nothing is written). */
export async function runReportFiles(
  result: RunReportInput,
  options?: { charts?: true },
): Promise<OutputFile[]>;
export async function runReportFiles(
  result: CsvReportInput,
  options: { charts: false },
): Promise<OutputFile[]>;
export async function runReportFiles(
  result: RunReportInput,
  options: { charts: boolean },
): Promise<OutputFile[]>;
export async function runReportFiles(
  result: CsvReportInput | RunReportInput,
  { charts = true }: { charts?: boolean } = {},
): Promise<OutputFile[]> {
  const files: OutputFile[] = [
    { name: "summary.csv", content: await summaryCsv([result]) },
    { name: "groups.csv", content: await groupsCsv(result.groups) },
    { name: "timeline.csv", content: await timelineCsv(result.timeline) },
    { name: "events.csv", content: await eventsCsv(result.events) },
  ];
  if (charts) files.push(...(await chartFiles(result as RunReportInput)));
  return files;
}

/** report.html and the chart files, rendered headlessly. */
async function chartFiles(result: RunReportInput): Promise<OutputFile[]> {
  const { charts, skipped } = runCharts(result);
  const files: OutputFile[] = [];
  const pageCharts: PageChart[] = [];
  const rendered = await renderCharts(charts.map((chart) => chart.spec));
  for (const [i, chart] of charts.entries()) {
    const { svg, png, plot } = rendered[i];
    files.push(
      { name: `charts/${chart.name}.vl.json`, content: `${JSON.stringify(chart.spec, null, 2)}\n` },
      { name: `charts/${chart.name}.svg`, content: svg },
      { name: `charts/${chart.name}.png`, content: png },
    );
    pageCharts.push({ name: chart.name, title: chart.title, caption: chart.caption, svg, plot });
  }
  const page = reportPage({
    name: result.name,
    summary: result.summary,
    teaching: result.teaching,
    seed: result.seed,
    fingerprint: result.fingerprint,
    metrics: result.metrics,
    groups: result.groups,
    breaches: result.breaches,
    charts: pageCharts,
    skippedCharts: skipped,
    keyEvents: result.series.keyEvents,
    replay: replayData(result),
    world: result.world,
  });
  return [{ name: "report.html", content: page }, ...files];
}

/** Writes the report of a run as the whole content of `outDir` (under its lock); returns the
 *  paths written. A folder holding files of other kinds is refused (OutputError). */
export async function writeRunReport(
  outDir: string,
  result: RunReportInput,
  options?: RunReportOptions & { charts?: true },
): Promise<string[]>;
export async function writeRunReport(
  outDir: string,
  result: CsvReportInput,
  options: RunReportOptions & { charts: false },
): Promise<string[]>;
export async function writeRunReport(
  outDir: string,
  result: RunReportInput,
  options: RunReportOptions,
): Promise<string[]>;
export async function writeRunReport(
  outDir: string,
  result: CsvReportInput | RunReportInput,
  { charts = true, ops }: RunReportOptions = {},
): Promise<string[]> {
  const files = charts
    ? await runReportFiles(result as RunReportInput)
    : await runReportFiles(result, { charts: false });
  const folder = await OutputFolder.open(outDir, {
    replaceable: (name) => runReportNames.includes(name),
    command: "writeRunReport",
    ops,
  });
  try {
    await folder.replace(files);
  } finally {
    await folder.release();
  }
  return files.map((file) => path.join(outDir, file.name));
}
