// Checking a scenario's `expect` against the metrics of a run, as lines a person reads. What an
// expectation means (inclusive bounds; a metric without a value — null — meets none) is the
// scenario layer's; this turns the unmet ones into messages with values formatted as in
// summary.csv. Comparison is exact: seconds are whole microseconds divided once by 1e6, so
// `0.3` in a scenario and 300000 µs compare equal.
import { describeExpectation, meetsExpectation, type Expectation } from "../scenario/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { formatMetric } from "./format.ts";

/** One line per expectation not met, in the order given, e.g. "expected lost_writes = 0, got 12". */
export function breachesOf(expectations: readonly Expectation[], values: MetricValues): string[] {
  const breaches: string[] = [];
  for (const expectation of expectations) {
    const value = values[expectation.metric];
    if (meetsExpectation(expectation, value)) continue;
    const got = value === null ? "no value in this run" : formatMetric(expectation.metric, value);
    breaches.push(`expected ${describeExpectation(expectation)}, got ${got}`);
  }
  return breaches;
}
