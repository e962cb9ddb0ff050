// Writes answered by a circuit breaker's fallback: write_failed events with reason "fallback"
// (writes.ts). They are failed writes — nothing was written — answered with a degraded result
// instead of an error, so the errors a client saw are writes_failed − writes_fallback.
import { defineMetric } from "../metric.ts";

export const writesFallback = defineMetric({
  column: "writes_fallback",
  definition:
    "failed writes a client group's circuit breaker answered with its fallback (a degraded " +
    "answer instead of an error): short-circuited while it was open, timed out or rejected; " +
    "part of `writes_failed` (nothing was written), so the errors clients saw are " +
    "`writes_failed − writes_fallback`; 0 without a breaker with `fallback: true`",
  explanation:
    "Failed writes a circuit breaker's fallback answered with a degraded result instead of " +
    "an error (counted among the failed writes: nothing was written).",
  format: "count",
  measure:
    ({ shared }) =>
    () =>
      shared.writes.counts().fallback,
});
