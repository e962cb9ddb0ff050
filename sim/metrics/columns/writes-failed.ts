// Writes rejected or timed out: every write_failed event (writes.ts).
import { defineMetric } from "../metric.ts";

export const writesFailed = defineMetric({
  column: "writes_failed",
  definition:
    "writes rejected (sent to a node that is not primary) or timed out; `attempted = " +
    "acked + failed`",
  explanation: "Writes rejected (sent to a node that was not primary) or timed out.",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.writes.counts().failed,
});
