// Recovery point: the worst writes_lost.rpoUs of the end-of-run accounting (lost-writes.ts).
import { defineMetric } from "../metric.ts";

export const rpoS = defineMetric({
  column: "rpo_s",
  definition:
    "for each stretch of lost writes, the time from the acceptance of the last write the " +
    "surviving history kept before it to the acceptance of the newest lost acknowledged " +
    "write; the worst stretch; 0 if nothing was lost",
  explanation:
    "The worst age span of lost data: from the last write the surviving history kept to " +
    "the newest lost acknowledged write.",
  format: "seconds",
  measure:
    ({ shared }) =>
    () =>
      shared.lost.rpoSeconds(),
});
