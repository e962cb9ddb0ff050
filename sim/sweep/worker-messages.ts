// What the sweep's main thread and its worker threads say to each other (worker-pool.ts,
// worker.ts): the set-up each worker starts with, a job, and the answers.

import type { Limits } from "../scenario/limits.ts";

export interface WorkerSetup {
  /** The scenario file, as the user named it (relative to the shared working folder). */
  file: string;
  /** Fixed `--set` overrides, applied before each job's own. */
  set: readonly string[];
  /** The run limits given on the command line (the defaults fill in the rest). */
  limits?: Partial<Limits>;
}

/** One run: the job number, its seed and the `path=value` overrides of its point. */
export interface ToWorker {
  index: number;
  seed: number;
  overrides: readonly string[];
}

export type FromWorker =
  | { kind: "ready" }
  | { kind: "result"; job: number; cells: string[] }
  /** job is -1 when the worker could not even load the scenario. */
  | { kind: "failed"; job: number; name: string; message: string };
