// A client group's circuit breaker (model/circuit-breaker.ts) as the model runs it: opossum's
// defaults (defaults.ts) under what the scenario wrote, durations in µs. A window whose buckets
// would be shorter than a millisecond is refused, as opossum's bucket clock ticks in whole
// milliseconds.
import type { BreakerConfig } from "../model/index.ts";
import { parseDuration, reportAt, type ResolveContext } from "../dsl/index.ts";
import { defaults } from "./defaults.ts";
import type { ParsedClient } from "./schema.ts";

export function resolveBreaker(
  breaker: ParsedClient["breaker"],
  at: (...rest: PropertyKey[]) => PropertyKey[],
  context: ResolveContext,
): BreakerConfig | null {
  if (breaker === undefined) return null;
  const fallback = defaults.clients.breaker;
  const resolved: BreakerConfig = {
    errorThresholdPercentage: breaker.errorThresholdPercentage ?? fallback.errorThresholdPercentage,
    halfOpenAfterUs: breaker.resetTimeout ?? parseDuration(fallback.resetTimeout),
    rollingCountTimeoutUs:
      breaker.rollingCountTimeout ?? parseDuration(fallback.rollingCountTimeout),
    rollingCountBuckets: breaker.rollingCountBuckets ?? fallback.rollingCountBuckets,
    volumeThreshold: breaker.volumeThreshold ?? fallback.volumeThreshold,
    fallback: breaker.fallback ?? fallback.fallback,
  };
  if (resolved.rollingCountTimeoutUs < resolved.rollingCountBuckets * 1000)
    reportAt(
      context,
      at("breaker", "rollingCountBuckets"),
      `buckets of at least 1 ms: at most ${Math.floor(resolved.rollingCountTimeoutUs / 1000)} in a window of ${resolved.rollingCountTimeoutUs / 1000} ms`,
      String(resolved.rollingCountBuckets),
    );
  return resolved;
}
