// What a sweep worker thread does once started: it loads the scenario once, says it is ready,
// then runs the jobs it is sent, one at a time, and answers each with the run's metric cells
// only — a few dozen bytes, so messaging costs nothing next to a run. A run is pure
// (runScenario), so which worker runs a job never changes its row. A failure is sent back as the
// error's name and message; the pool decides what it means. How the scenario is loaded is the
// entry's affair (worker-bundle.ts bundles it with this file, and takes scenarioOf from here too;
// worker.ts imports it as the main thread does).
import { parentPort, workerData } from "node:worker_threads";
import { formatMetric } from "../metrics/index.ts";
import { runScenario } from "../run/index.ts";
import { metricColumns, type MetricValues } from "../scenario/index.ts";
export { scenarioOf } from "../scenario/scenario-module.ts";
import type { FromWorker, ToWorker, WorkerSetup } from "./worker-messages.ts";

/** A run's row of runs.csv, after its point and seed (runs-table.ts). */
function metricCells(metrics: MetricValues): string[] {
  return metricColumns.map((column) => formatMetric(column, metrics[column]));
}

function failure(job: number, error: unknown): FromWorker {
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "failed", job, name, message };
}

/** Serves jobs on this worker thread; `load` gives the scenario (file as the user named it). */
export async function serveJobs(load: (file: string) => Promise<unknown>): Promise<void> {
  const port = parentPort!;
  const { file, set, limits } = workerData as WorkerSetup;
  const send = (message: FromWorker) => port.postMessage(message);
  try {
    const raw = await load(file);
    port.on("message", (job: ToWorker) => {
      try {
        // Only the metrics leave the worker: no trace kept, no fingerprint computed.
        const result = runScenario(raw, {
          file,
          seed: job.seed,
          overrides: [...set, ...job.overrides],
          trace: "none",
          fingerprint: false,
          limits,
        });
        send({ kind: "result", job: job.index, cells: metricCells(result.metrics) });
      } catch (error) {
        send(failure(job.index, error));
      }
    });
    send({ kind: "ready" });
  } catch (error) {
    send(failure(-1, error));
  }
}
