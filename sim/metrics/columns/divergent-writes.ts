// Divergent writes: write_accepted events flagged divergent (lost-writes.ts).
import { defineMetric } from "../metric.ts";

export const divergentWrites = defineMetric({
  column: "divergent_writes",
  definition:
    "writes accepted by a primary after another node's promotion to a newer epoch had " +
    "completed",
  explanation:
    "Writes accepted by a primary after another node's promotion to a newer epoch had " +
    "completed.",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.lost.divergentWrites(),
});
