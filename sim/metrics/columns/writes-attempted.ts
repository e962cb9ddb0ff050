// Writes issued by all clients: every write_issued event (writes.ts counts them).
import { defineMetric } from "../metric.ts";

export const writesAttempted = defineMetric({
  column: "writes_attempted",
  definition: "writes issued by all clients during the run",
  explanation: "Writes issued by all clients during the run.",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.writes.counts().attempted,
});
