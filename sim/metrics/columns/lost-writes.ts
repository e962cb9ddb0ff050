// Lost writes: the end-of-run accounting's writes_lost counts, summed (lost-writes.ts).
import { defineMetric } from "../metric.ts";

export const lostWrites = defineMetric({
  column: "lost_writes",
  definition:
    "acknowledged writes absent from the final authoritative history (see *How the world " +
    "works*)",
  explanation: "Writes acknowledged to a client but absent from the final authoritative history.",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.lost.lostWrites(),
});
