// Reads issued by all clients: every `read` event, at its outcome (reads.ts).
import { defineMetric } from "../metric.ts";

export const readsAttempted = defineMetric({
  column: "reads_attempted",
  definition: "reads issued by all clients during the run",
  explanation: "Reads issued by all clients during the run.",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.reads.read().attempted,
});
