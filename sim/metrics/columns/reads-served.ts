// Reads answered by a database node within the timeout, fresh or stale (reads.ts).
import { defineMetric } from "../metric.ts";

export const readsServed = defineMetric({
  column: "reads_served",
  definition: "reads answered by a database node within the client's timeout, up to date or not",
  explanation:
    "Reads answered by a database node within the client's timeout (whether or not the " +
    "answer was up to date).",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.reads.read().served,
});
