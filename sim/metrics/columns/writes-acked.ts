// Writes acknowledged within the client's timeout: every write_acked event (writes.ts).
import { defineMetric } from "../metric.ts";

export const writesAcked = defineMetric({
  column: "writes_acked",
  definition: "writes whose acknowledgement reached the client within its timeout",
  explanation: "Writes whose acknowledgement reached the client within its timeout.",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.writes.counts().acked,
});
