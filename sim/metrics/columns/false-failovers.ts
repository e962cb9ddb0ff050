// False failovers: promotions whose replaced primary was still running and that were not a
// planned failback handover (failovers.ts).
import { defineMetric } from "../metric.ts";

export const falseFailovers = defineMetric({
  column: "false_failovers",
  definition:
    "failure-triggered promotions whose replaced primary was still running (unreachable, " +
    "not dead) when the failover was decided — including one STONITH then powered off; " +
    "planned failback handovers are not counted",
  explanation:
    "Promotions completed while the primary they replaced was still running — " +
    "unreachable, not dead.",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.failovers.counts().falseFailovers,
});
