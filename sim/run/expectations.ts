// Checking a scenario's `expect` against one run, as outcomes a person reads. What a bound means
// (inclusive; a metric without a value — null — meets none) is the scenario layer's; this compares
// values formatted as in summary.csv and calls the named checks with the run's result. Comparison
// is exact: seconds are whole microseconds divided once by 1e6, so `0.3` in a scenario and
// 300000 µs compare equal. A check that throws, or returns anything but true, false or a string,
// fails with a message saying so: a broken check is reported, it never stops the run.
import {
  describeExpectation,
  isCheck,
  meetsExpectation,
  type CheckExpectation,
  type Expectation,
  type MetricExpectation,
} from "../scenario/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { formatMetric } from "../metrics/index.ts";

/** One expectation judged on one run. */
export interface ExpectationOutcome {
  /** What was expected: "lost_writes = 0", "p95 of downtime_s ≤ 30", or a check's name in quotes. */
  expectation: string;
  /** The metric's value in this run (null: none); absent for a check. */
  value?: number | null;
  /** As a person reads it: the value as in summary.csv ("no value"), or what a check returned. */
  observed: string;
  passed: boolean;
  /** Why it failed, e.g. "expected lost_writes = 0, got 12"; "" when it passed. */
  breach: string;
}

/** Every expectation of a scenario on one run's result (runScenario's), in the order written.
 *  Checks are called with `result`; bounds read `result.metrics` (so a check that changes the
 *  result cannot change a bound's verdict, bounds are judged first). */
export function evaluateExpectations<R extends { metrics: MetricValues }>(
  expectations: readonly Expectation[],
  result: R,
): ExpectationOutcome[] {
  const bounds = new Map<Expectation, ExpectationOutcome>();
  for (const expectation of expectations) {
    if (!isCheck(expectation)) bounds.set(expectation, metricOutcome(expectation, result.metrics));
  }
  return expectations.map(
    (expectation) =>
      bounds.get(expectation) ?? checkOutcome(expectation as CheckExpectation, result),
  );
}

/** A bound judged on a run's metric values. */
export function metricOutcome(
  expectation: MetricExpectation,
  values: MetricValues,
): ExpectationOutcome {
  const value = values[expectation.metric];
  const passed = meetsExpectation(expectation, value);
  const observed = value === null ? "no value" : formatMetric(expectation.metric, value);
  const got = value === null ? "no value in this run" : observed;
  const description = describeExpectation(expectation);
  return {
    expectation: description,
    value,
    observed,
    passed,
    breach: passed ? "" : `expected ${description}, got ${got}`,
  };
}

/** A named check called with a run's result. */
export function checkOutcome<R>(expectation: CheckExpectation, result: R): ExpectationOutcome {
  const name = JSON.stringify(expectation.check);
  const outcome = (passed: boolean, observed: string, breach: string): ExpectationOutcome => ({
    expectation: name,
    observed,
    passed,
    breach,
  });
  let returned: unknown;
  try {
    returned = (expectation.predicate as (result: R) => unknown)(result);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return outcome(false, `threw ${reason}`, `check ${name} threw ${reason}`);
  }
  if (returned === true) return outcome(true, "true", "");
  if (returned === false) return outcome(false, "false", `check ${name} returned false`);
  if (typeof returned === "string")
    return outcome(false, returned, `check ${name} failed: ${returned}`);
  const what =
    returned instanceof Promise
      ? "a Promise (checks run synchronously)"
      : describeReturned(returned);
  return outcome(
    false,
    `returned ${what}`,
    `check ${name} returned ${what}; a check returns true, false or a message`,
  );
}

/** One line per expectation not met, in the order given, e.g. "expected lost_writes = 0, got 12".
 *  Bounds only: checks need a whole run's result (see evaluateExpectations). */
export function breachesOf(expectations: readonly Expectation[], values: MetricValues): string[] {
  return expectations.flatMap((expectation) => {
    if (isCheck(expectation)) return [];
    const { passed, breach } = metricOutcome(expectation, values);
    return passed ? [] : [breach];
  });
}

function describeReturned(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value === "number" || typeof value === "bigint")
    return String(value);
  return `a value of type ${typeof value}`;
}
