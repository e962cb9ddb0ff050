// A pool of worker threads that runs a list of jobs. Threads start as soon as the pool is made,
// from `entry` (the bundled worker of worker-bundle.ts, or worker-entry.js): their start-up
// overlaps with the main thread's own checks of the grid. Each worker loads the scenario once
// (worker-jobs.ts) and is kept fed with up to `perWorker` jobs in flight, so it never waits for
// the main thread between runs; results come back in whatever order the workers finish and go
// to `onResult` at once (the caller records them and sorts at the end — output never depends on
// scheduling).
// An abort (Ctrl-C) stops dispatching and terminates the workers; the runs in flight are dropped
// and run again on resume. A failed run rejects with a WorkerFailure after stopping every worker.
import { Worker } from "node:worker_threads";
import type { FromWorker, ToWorker, WorkerSetup } from "./worker-messages.ts";

/** A run (or, with job -1, a worker's loading of the scenario) that failed. */
export class WorkerFailure extends Error {
  constructor(
    readonly job: number,
    readonly errorName: string,
    message: string,
  ) {
    super(message);
    this.name = "WorkerFailure";
  }
}

export interface PoolRun {
  jobs: readonly ToWorker[];
  onResult(job: number, cells: string[]): void;
  signal?: AbortSignal;
}

/** Two jobs per worker: one running, one waiting in its queue. */
const perWorker = 2;

export class WorkerPool {
  private readonly threads: Worker[] = [];
  private readonly ready = new Set<Worker>();
  private readonly inFlight = new Map<Worker, number>();
  private failure: unknown = undefined;
  private current: { run: PoolRun; next: number; finished: number } | undefined;
  private closed = false;
  private onAllDone: () => void = () => {};
  private onFailure: (error: unknown) => void = () => {};

  constructor(entry: URL, setup: WorkerSetup, count: number) {
    for (let i = 0; i < Math.max(1, count); i++) {
      const thread = new Worker(entry, { workerData: setup });
      this.threads.push(thread);
      thread.on("message", (message: FromWorker) => this.receive(thread, message));
      thread.on("error", (error) => this.fail(error));
      thread.on("exit", (code) => {
        if (!this.closed)
          this.fail(new Error(`a sweep worker stopped unexpectedly (exit code ${code})`));
      });
    }
  }

  /** Runs the jobs on the pool's threads, once; the pool is closed when this settles. */
  run(run: PoolRun): Promise<"done" | "aborted"> {
    if (this.closed) throw new Error("the worker pool is closed");
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        this.current = undefined;
        run.signal?.removeEventListener("abort", onAbort);
        this.close().then(outcome, outcome);
      };
      const onAbort = () => settle(() => resolve("aborted"));
      this.onAllDone = () => settle(() => resolve("done"));
      this.onFailure = (error) => settle(() => reject(error));
      if (this.failure !== undefined) return this.onFailure(this.failure);
      if (run.jobs.length === 0) return this.onAllDone();
      if (run.signal?.aborted) return onAbort();
      run.signal?.addEventListener("abort", onAbort);
      this.current = { run, next: 0, finished: 0 };
      for (const thread of this.ready) this.feed(thread);
    });
  }

  /** Stops every thread; safe to call more than once. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }

  private receive(thread: Worker, message: FromWorker): void {
    if (this.closed) return;
    switch (message.kind) {
      case "ready":
        this.ready.add(thread);
        return this.feed(thread);
      case "result": {
        const current = this.current;
        if (current === undefined) return;
        this.inFlight.set(thread, this.inFlight.get(thread)! - 1);
        try {
          current.run.onResult(message.job, message.cells);
        } catch (error) {
          return this.fail(error); // e.g. the partial file could not be written
        }
        if (++current.finished === current.run.jobs.length) return this.onAllDone();
        return this.feed(thread);
      }
      case "failed":
        return this.fail(new WorkerFailure(message.job, message.name, message.message));
    }
  }

  private feed(thread: Worker): void {
    const current = this.current;
    if (current === undefined) return;
    // Near the end, one job at a time: a job queued behind a running one while another worker
    // sits idle would make the sweep last a run longer than it needs to.
    const limit = () =>
      current.run.jobs.length - current.next > this.threads.length ? perWorker : 1;
    while (current.next < current.run.jobs.length && (this.inFlight.get(thread) ?? 0) < limit()) {
      thread.postMessage(current.run.jobs[current.next++]);
      this.inFlight.set(thread, (this.inFlight.get(thread) ?? 0) + 1);
    }
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    this.failure ??= error;
    if (this.current !== undefined) this.onFailure(this.failure);
  }
}
