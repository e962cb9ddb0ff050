// The report folder of one run: summary.csv, timeline.csv and events.csv, written together and
// atomically (atomic-write.ts). events.csv is always written — with only its header at
// `--trace none` — so a folder never mixes files from two runs. Charts and report.html will
// join this set; files of other kinds already in the folder are left alone.
import type { RunResult } from "../metrics/run-scenario.ts";
import { writeFilesAtomically, type FileOps, type ReportFile } from "./atomic-write.ts";
import { eventsCsv, summaryCsv, timelineCsv } from "./csv.ts";

export type RunReportInput = Pick<RunResult, "name" | "seed" | "metrics" | "timeline" | "events">;

/** The files of a run's report, as text; nothing is written. */
export async function runReportFiles(result: RunReportInput): Promise<ReportFile[]> {
  return [
    { name: "summary.csv", content: await summaryCsv([result]) },
    { name: "timeline.csv", content: await timelineCsv(result.timeline) },
    { name: "events.csv", content: await eventsCsv(result.events) },
  ];
}

/** Writes the report of a run into `outDir`; returns the paths written. */
export async function writeRunReport(outDir: string, result: RunReportInput, ops?: Partial<FileOps>): Promise<string[]> {
  return writeFilesAtomically(outDir, await runReportFiles(result), ops);
}
