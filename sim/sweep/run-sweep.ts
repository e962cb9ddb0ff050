// Running a sweep (or one shard of it) to its rows: the jobs of the shard, minus those a resumed
// partial file already holds, go to the worker pool; each result is appended to the partial
// file at once and reported for the progress bar. Interrupted (the signal aborts), it stops
// dispatching and leaves the partial file for --resume. Outside the deterministic core, so
// async and threads are fine here; the rows it returns do not depend on either.
import { SimulationLimitError } from "../engine/index.ts";
import { packageFile, runningCompiled } from "../package-files.ts";
import type { Limits } from "../scenario/index.ts";
import { jobAt, jobCount, pointOverrides, type Grid } from "./grid.ts";
import type { Manifest } from "./manifest.ts";
import { PartialRuns } from "./partial.ts";
import type { SweepRow } from "./runs-table.ts";
import { shardJobs, type Shard } from "./shard.ts";
import { SweepError } from "./sweep-error.ts";
import { bundledWorker } from "./worker-bundle.ts";
import { WorkerFailure, WorkerPool } from "./worker-pool.ts";

export interface SweepPlan {
  file: string;
  set: readonly string[];
  grid: Grid;
  shard: Shard;
  manifest: Manifest;
  outDir: string;
  /** The partial file of finished runs (beside the output folder). */
  partialFile: string;
  /** Run limits from the command line. */
  limits?: Partial<Limits>;
  workers: number;
  resume: boolean;
  /** Threads started earlier (startPool), so their start-up overlapped with the checks. */
  pool?: WorkerPool;
}

export interface SweepHooks {
  /** Called once before the runs start with how many there are and how many were kept. */
  onStart?(total: number, kept: number): void;
  onRun?(): void;
  /** Messages for the user (stderr), e.g. that an earlier partial sweep was replaced. */
  note?(text: string): void;
  signal?: AbortSignal;
}

export interface SweepRun {
  status: "done" | "interrupted";
  rows: SweepRow[];
  /** Runs taken from the partial file of an earlier, interrupted sweep. */
  kept: number;
  partial: PartialRuns;
}

export async function runSweep(plan: SweepPlan, hooks: SweepHooks = {}): Promise<SweepRun> {
  const { grid, shard, manifest, outDir } = plan;
  const jobs = shardJobs(jobCount(grid), shard);
  let partial: PartialRuns;
  let keptRows: SweepRow[] = [];
  const resumed = plan.resume ? PartialRuns.resume(plan.partialFile, manifest, grid) : undefined;
  if (resumed) {
    partial = resumed.partial;
    keptRows = resumed.rows;
  } else {
    const started = PartialRuns.start(plan.partialFile, manifest, grid);
    partial = started.partial;
    if (plan.resume) hooks.note?.(`Nothing to resume in ${outDir}: running the whole sweep.\n`);
    else if (started.replaced)
      hooks.note?.(
        `Starting over: the unfinished sweep in ${outDir} is discarded (--resume would have continued it).\n`,
      );
  }
  const done = new Set(keptRows.map((row) => row.job));
  const todo = jobs.filter((job) => !done.has(job));
  const rows = [...keptRows];
  hooks.onStart?.(jobs.length, keptRows.length);

  let status: "done" | "aborted";
  try {
    const pool = plan.pool ?? (await startPool(plan, todo.length));
    status = await pool.run({
      jobs: todo.map((job) => {
        const { point, seed } = jobAt(grid, job);
        return { index: job, seed, overrides: pointOverrides(grid, point) };
      }),
      onResult: (job, cells) => {
        const row = { job, cells };
        partial.append(row);
        rows.push(row);
        hooks.onRun?.();
      },
      signal: hooks.signal,
    });
  } catch (error) {
    partial.close();
    throw error instanceof WorkerFailure ? explainFailure(error, plan) : error;
  }
  if (status === "aborted") partial.close();
  return {
    status: status === "done" ? "done" : "interrupted",
    rows,
    kept: keptRows.length,
    partial,
  };
}

/** Where a worker starts when the simulator could not be bundled: the compiled worker (which
 *  brings the TypeScript loader itself when the scenario needs it), or, running from the sources,
 *  worker-entry.js (tsx, as in the main thread). */
const unbundledEntry = () =>
  packageFile(runningCompiled() ? "dist/sweep/worker.js" : "sim/sweep/worker-entry.js");

/** Starts the worker threads of a sweep, at most one per job, from the bundled worker when
 *  there is one. Bundling runs in esbuild's own process: the caller may start it early. */
export async function startPool(
  plan: Pick<SweepPlan, "file" | "set" | "workers" | "limits">,
  jobs: number,
  bundle: Promise<URL | null> = bundledWorker(plan.file),
): Promise<WorkerPool> {
  const entry = (await bundle) ?? unbundledEntry();
  return new WorkerPool(
    entry,
    { file: plan.file, set: [...plan.set], limits: plan.limits },
    Math.min(plan.workers, Math.max(1, jobs)),
  );
}

/** A failed run as bad input (exit 2) naming its point and seed, like `sim run` would. */
function explainFailure(failure: WorkerFailure, plan: SweepPlan): Error {
  if (failure.job < 0)
    return new SweepError(`A sweep worker could not load ${plan.file}: ${failure.message}`);
  const { point, seed } = jobAt(plan.grid, failure.job);
  const where = `the run with ${[...pointOverrides(plan.grid, point).map((o) => `--vary ${o}`)].join(" ")} --seed ${seed}`;
  if (failure.errorName === SimulationLimitError.name)
    return new SweepError(`${where} exceeded a simulation limit: ${failure.message}.`);
  if (failure.errorName === "ScenarioError")
    return new SweepError(`${where} was rejected: ${failure.message}`);
  return new Error(`${where} failed: ${failure.errorName}: ${failure.message}`);
}
