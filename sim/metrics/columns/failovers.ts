// Failovers: every `promoted` event (failovers.ts counts them, with the false ones and failbacks).
import { defineMetric } from "../metric.ts";

export const failovers = defineMetric({
  column: "failovers",
  definition: "promotions completed (a node starts accepting writes as primary of a new epoch)",
  explanation: "Promotions completed: a node started accepting writes as primary of a new epoch.",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.failovers.counts().failovers,
});
