// Reads refused or unanswered within the timeout (reads.ts).
import { defineMetric } from "../metric.ts";

export const readsFailed = defineMetric({
  column: "reads_failed",
  definition:
    "reads refused (the node was neither a running primary nor a running standby, or its " +
    "queue was full) or unanswered within the timeout; `attempted = served + failed`",
  explanation:
    "Reads refused (by a node neither primary nor running standby, or over capacity) or " +
    "timed out.",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.reads.read().failed,
});
