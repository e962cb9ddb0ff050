// Write availability: acknowledged over attempted writes (writes.ts); no value without writes.
import { defineMetric } from "../metric.ts";

export const availability = defineMetric({
  column: "availability",
  definition: "`writes_acked / writes_attempted`; empty without writes",
  explanation: "Acknowledged writes as a fraction of attempted writes.",
  format: "fraction",
  measure:
    ({ shared }) =>
    () =>
      shared.writes.counts().availability,
});
