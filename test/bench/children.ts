// The benchmark's child processes: `sim` runs through sim-child.mjs (wall time, engine events,
// peak RSS, and on request the events per kind), in this checkout or in a baseline checkout;
// plain wall times of `node bin/sim.js …` and of several started together.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const root = path.join(import.meta.dirname, "..", "..");
export const outDir = path.join(root, "reports", "bench");
export const bin = path.join(root, "bin", "sim.js");
const child = path.join(import.meta.dirname, "sim-child.mjs");

export interface ChildRun {
  wallS: number;
  code: number | null;
  events: number;
  maxRssKb: number;
  /** Events dispatched per kind (only when asked for: the count costs a little per event). */
  kinds?: Record<string, number>;
  stdout: string;
}

export interface ChildOptions {
  /** The checkout whose dist/ runs (default: this one). */
  checkout?: string;
  /** Count events per kind (never in a timed run). */
  kinds?: boolean;
}

/** `sim <args>` in a child process (sim-child.mjs: the compiled CLI plus the run's figures). */
export function simChild(simArgs: string[], options: ChildOptions = {}): ChildRun {
  const resultFile = path.join(os.tmpdir(), `sim-bench-${process.pid}.json`);
  fs.rmSync(resultFile, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_RESULT: resultFile, NO_COLOR: "1" };
  if (options.checkout !== undefined) env.BENCH_ROOT = options.checkout;
  if (options.kinds) env.BENCH_KINDS = "1";
  const start = performance.now();
  const result = spawnSync(process.execPath, [child, ...simArgs], {
    cwd: root,
    encoding: "utf8",
    env,
    maxBuffer: 64 << 20,
  });
  const wallS = (performance.now() - start) / 1000;
  const where = options.checkout === undefined ? "" : ` (in ${options.checkout})`;
  if (result.status !== 0)
    throw new Error(
      `sim ${simArgs.join(" ")}${where} failed (exit ${result.status}):\n${result.stderr}`,
    );
  const figures = JSON.parse(fs.readFileSync(resultFile, "utf8")) as Omit<ChildRun, "stdout">;
  fs.rmSync(resultFile, { force: true });
  if (!(figures.events > 0))
    throw new Error(
      `sim ${simArgs.join(" ")}${where}: no engine events were counted (sim-child.mjs no longer sees the run's Simulation)`,
    );
  return { ...figures, wallS, stdout: result.stdout };
}

/** The arguments of a timed `sim run`: the CSV files and the changes trace, no charts. */
export function runArgs(file: string, out: string, extra: readonly string[] = []): string[] {
  // The day's 300 M events are above the default --max-events (about 30–45 s of events).
  const limit = ["--max-events", "2e9"];
  return ["run", file, ...extra, "--trace", "changes", "--no-charts", ...limit, "--out", out];
}

/** Wall time of `node bin/sim.js <args>`, as a user runs it (`checkout`'s bin/sim.js when given). */
export function simWall(simArgs: string[], checkout?: string): number {
  return nodeWall([
    checkout === undefined ? bin : path.join(checkout, "bin", "sim.js"),
    ...simArgs,
  ]);
}

/** Wall time of `node <args>`, which must succeed. */
export function nodeWall(nodeArgs: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, nodeArgs, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const wallS = (performance.now() - start) / 1000;
  if (result.status !== 0)
    throw new Error(`node ${nodeArgs.join(" ")} failed (exit ${result.status}):\n${result.stderr}`);
  return wallS;
}

/** Wall time of several `node bin/sim.js <args>` started together, until the last one ends. */
export async function simWallTogether(argLists: string[][]): Promise<number> {
  const start = performance.now();
  await Promise.all(argLists.map(simProcess));
  return (performance.now() - start) / 1000;
}

function simProcess(simArgs: string[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const proc = spawn(process.execPath, [bin, ...simArgs], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stderr = "";
    proc.stderr.on("data", (chunk) => (stderr += chunk));
    proc.on("error", reject);
    proc.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`sim ${simArgs.join(" ")} failed (exit ${code}):\n${stderr}`)),
    );
  });
}

/** A summary.csv column of a run's report folder. */
export function summaryColumn(reportDir: string, column: string): number {
  const [header, row] = fs
    .readFileSync(path.join(reportDir, "summary.csv"), "utf8")
    .trim()
    .split("\n");
  const index = header.split(",").indexOf(column);
  if (index < 0) throw new Error(`${reportDir}/summary.csv has no column ${column}`);
  return Number(row.split(",")[index]);
}
