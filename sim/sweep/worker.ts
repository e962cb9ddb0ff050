// The body of a sweep worker thread (started through worker-entry.js). It loads the scenario file
// once, says it is ready, then runs the jobs it is sent, one at a time, and answers each with
// the run's metric cells only — a few dozen bytes, so messaging costs nothing next to a run.
// A run is pure (runScenario), so which worker runs a job never changes its row. A failure is
// sent back as the error's name and message; the pool decides what it means.
import { parentPort, workerData } from "node:worker_threads";
import { runScenario } from "../metrics/index.ts";
import { loadScenarioFile } from "../scenario/index.ts";
import { metricCells } from "./runs-table.ts";
import type { FromWorker, ToWorker, WorkerSetup } from "./worker-messages.ts";

const port = parentPort!;
const { file, set } = workerData as WorkerSetup;
const send = (message: FromWorker) => port.postMessage(message);

function failure(job: number, error: unknown): FromWorker {
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "failed", job, name, message };
}

try {
  const raw = await loadScenarioFile(file);
  port.on("message", (job: ToWorker) => {
    try {
      const result = runScenario(raw, { file, seed: job.seed, overrides: [...set, ...job.overrides], trace: "none" });
      send({ kind: "result", job: job.index, cells: metricCells(result.metrics) });
    } catch (error) {
      send(failure(job.index, error));
    }
  });
  send({ kind: "ready" });
} catch (error) {
  send(failure(-1, error));
}
