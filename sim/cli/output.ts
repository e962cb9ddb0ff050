// How the commands that write a report folder (run, sweep, merge) open it: under its lock
// (--wait to queue behind another writer), tidied, refusing a folder that holds anything a sim
// report does not — with what it says to the user on the way. Also the words for an
// interruption: what was kept.
// For the tests that stop sim at each file operation of its write phase, two environment
// variables reach the folder's operations: SIM_TEST_FILE_OP_LOG=<file> appends a line per
// operation to that file, and SIM_TEST_SIGNAL_AT_FILE_OP=<n>[:SIGNAL] sends this process
// SIGKILL (or the signal named) just before the n-th. They change nothing else.
import * as fs from "node:fs";
import { observe, realOps, type FileOps } from "../report/output/file-ops.ts";
import type { OutputFolder } from "../report/output/index.ts";
import type { CliIo } from "./io.ts";
import type { Interrupts, StopSignal } from "./interrupts.ts";

/** `--wait` of every command that writes a report folder (run, sweep, merge). */
export const waitOption = {
  type: "boolean",
  default: false,
  describe: "wait while another sim writes the same folder (instead of exit 2)",
} as const;

export interface OpenReportOptions {
  /** What this process is doing, for a second writer's message. */
  command: string;
  wait: boolean;
  interrupts: Interrupts;
  io: CliIo;
}

export async function openReportFolder(
  outDir: string,
  { command, wait, interrupts, io }: OpenReportOptions,
): Promise<OutputFolder> {
  const [{ OutputFolder }, { runReportNames }, { sweepReportNames }] = await Promise.all([
    import("../report/output/index.ts"),
    import("../report/run-report.ts"),
    import("../sweep/sweep-files.ts"),
  ]);
  const known = new Set([...runReportNames, ...sweepReportNames]);
  const folder = await OutputFolder.open(outDir, {
    replaceable: (name) => known.has(name),
    command,
    wait: wait
      ? {
          signal: interrupts.signal,
          onWait: (owner) => io.err(`Waiting: ${outDir} is being written by ${owner}.\n`),
        }
      : undefined,
    ops: testOps(),
  });
  for (const note of folder.tidied) io.err(`Note: ${outDir}: ${note}.\n`);
  return folder;
}

/** "Interrupted (SIGINT): nothing was written; reports/x holds the previous report, as it was." */
export function interruptedMessage(
  signal: StopSignal,
  outDir: string | undefined,
  existed: boolean,
  extra = "",
): string {
  const kept =
    outDir === undefined
      ? "nothing was written"
      : existed
        ? `nothing was written; ${outDir} holds the previous report, as it was`
        : `nothing was written (${outDir} was not created)`;
  return `Interrupted (${signal}): ${kept}.${extra}\n`;
}

/** The operations with the test hooks of the header, or undefined when none is set. */
export function testOps(): FileOps | undefined {
  const log = process.env.SIM_TEST_FILE_OP_LOG;
  const at = process.env.SIM_TEST_SIGNAL_AT_FILE_OP;
  if (log === undefined && at === undefined) return undefined;
  const [index, signal = "SIGKILL"] = (at ?? "").split(":");
  return observe(realOps, (count, description) => {
    if (log !== undefined) fs.appendFileSync(log, `${count} ${description}\n`);
    if (count === Number(index)) process.kill(process.pid, signal as NodeJS.Signals);
  });
}
