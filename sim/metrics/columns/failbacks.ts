// Failbacks: promotions of the scenario's original primary (failovers.ts).
import { defineMetric } from "../metric.ts";

export const failbacks = defineMetric({
  column: "failbacks",
  definition: "promotions of the scenario's original primary (back to the node it started on)",
  explanation: "Promotions that returned the primary role to the scenario's original primary.",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.failovers.counts().failbacks,
});
