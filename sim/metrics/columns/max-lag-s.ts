// The worst replication lag (lag.ts): the largest `replicated.lagUs` seen, sampled at applies.
import { defineMetric } from "../metric.ts";

export const maxLagS = defineMetric({
  column: "max_lag_s",
  definition:
    "the worst replication lag: over all entries a standby received, apply time (receipt " +
    "+ `applyDelay`) minus the time the primary accepted the oldest entry of that delivery",
  explanation:
    "The worst replication lag: when a standby applied an entry, minus when the primary accepted it.",
  format: "seconds",
  measure:
    ({ shared }) =>
    () =>
      shared.lag.maxSeconds(),
});
