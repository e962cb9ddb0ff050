// The report folder of one run (DESIGN.md §3): summary.csv, groups.csv, timeline.csv and events.csv, and —
// unless charts are off (`--no-charts`) — report.html and charts/<name>.vl.json, .svg and .png
// for every chart of the run, all written together and atomically (atomic-write.ts). events.csv
// is always written — with only its header at `--trace none` — and chart files or a report.html
// an earlier run left that this run does not produce are removed in the same step, so a folder
// never mixes files from two runs. The CSV files never depend on charts. Files of other kinds
// already in the folder are left alone.
import type { RunResult } from "../metrics/run-scenario.ts";
import { writeFilesAtomically, type FileOps, type ReportFile } from "./atomic-write.ts";
import { renderChart } from "./charts/render.ts";
import { runChartNames, runCharts } from "./charts/run-charts.ts";
import { eventsCsv, groupsCsv, summaryCsv, timelineCsv } from "./csv.ts";
import { reportPage, type PageChart } from "./html/report-page.ts";

/** What the CSV files need. */
export type CsvReportInput = Pick<RunResult, "name" | "seed" | "metrics" | "groups" | "timeline" | "events">;
/** What the whole report needs: the CSV input plus what the page and charts show. */
export type RunReportInput = CsvReportInput & Pick<RunResult, "summary" | "fingerprint" | "breaches" | "series">;

export interface RunReportOptions {
  /** Render charts and report.html (default true); false writes the CSV files only. */
  charts?: boolean;
  /** File operations, replaceable in tests. */
  ops?: Partial<FileOps>;
}

const chartExtensions = ["vl.json", "svg", "png"] as const;

/** The files of a run's report, in memory (nothing is written), and the report files of an
 *  earlier run that this one does not produce. */
export async function runReportFiles(result: RunReportInput, options?: { charts?: true }): Promise<{ files: ReportFile[]; obsolete: string[] }>;
export async function runReportFiles(result: CsvReportInput, options: { charts: false }): Promise<{ files: ReportFile[]; obsolete: string[] }>;
export async function runReportFiles(result: RunReportInput, options: { charts: boolean }): Promise<{ files: ReportFile[]; obsolete: string[] }>;
export async function runReportFiles(
  result: CsvReportInput | RunReportInput,
  { charts = true }: { charts?: boolean } = {},
): Promise<{ files: ReportFile[]; obsolete: string[] }> {
  const files: ReportFile[] = [
    { name: "summary.csv", content: await summaryCsv([result]) },
    { name: "groups.csv", content: await groupsCsv(result.groups) },
    { name: "timeline.csv", content: await timelineCsv(result.timeline) },
    { name: "events.csv", content: await eventsCsv(result.events) },
  ];
  if (charts) files.push(...(await chartFiles(result as RunReportInput)));
  const produced = new Set(files.map((file) => file.name));
  const possible = ["report.html", ...runChartNames.flatMap((name) => chartExtensions.map((ext) => `charts/${name}.${ext}`))];
  return { files, obsolete: possible.filter((name) => !produced.has(name)) };
}

/** report.html and the chart files, rendered headlessly. */
async function chartFiles(result: RunReportInput): Promise<ReportFile[]> {
  const { charts, skipped } = runCharts(result);
  const files: ReportFile[] = [];
  const pageCharts: PageChart[] = [];
  for (const chart of charts) {
    const { svg, png } = await renderChart(chart.spec);
    files.push(
      { name: `charts/${chart.name}.vl.json`, content: `${JSON.stringify(chart.spec, null, 2)}\n` },
      { name: `charts/${chart.name}.svg`, content: svg },
      { name: `charts/${chart.name}.png`, content: png },
    );
    pageCharts.push({ name: chart.name, title: chart.title, caption: chart.caption, svg });
  }
  const page = reportPage({
    name: result.name,
    summary: result.summary,
    seed: result.seed,
    fingerprint: result.fingerprint,
    metrics: result.metrics,
    groups: result.groups,
    breaches: result.breaches,
    charts: pageCharts,
    skippedCharts: skipped,
    keyEvents: result.series.keyEvents,
  });
  return [{ name: "report.html", content: page }, ...files];
}

/** Writes the report of a run into `outDir`; returns the paths written. */
export async function writeRunReport(outDir: string, result: RunReportInput, options?: RunReportOptions & { charts?: true }): Promise<string[]>;
export async function writeRunReport(outDir: string, result: CsvReportInput, options: RunReportOptions & { charts: false }): Promise<string[]>;
export async function writeRunReport(outDir: string, result: RunReportInput, options: RunReportOptions): Promise<string[]>;
export async function writeRunReport(
  outDir: string,
  result: CsvReportInput | RunReportInput,
  { charts = true, ops }: RunReportOptions = {},
): Promise<string[]> {
  const { files, obsolete } = charts
    ? await runReportFiles(result as RunReportInput)
    : await runReportFiles(result, { charts: false });
  return writeFilesAtomically(outDir, files, ops, obsolete);
}
