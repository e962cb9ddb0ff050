// What a scenario expects of a run (`expect: { lostWrites: 0, downtimeS: { max: 30, quantile: 0.95 },
// checks: { "writes resume": (result) => … } }`), resolved in the order written. Under a metric's
// camelCase name: a bound on its summary.csv column — a bare number means "exactly this value";
// bounds are inclusive; `quantile` (0 < q ≤ 1) says which quantile over the seeds of
// `sim check --seeds N` must be within them (without it, every seed must be). Under `checks`,
// named functions of the run's result returning true (met), false or a message (not met); they are
// only stored here — the layers that run scenarios call them. Checks live under their own key so
// that a misspelt metric stays an error, in the editor and at load. A metric that does not apply
// to a run (null, e.g. detection_s without a fault) meets no bound: a scenario that expects a
// value for it has a mistake worth reporting.
import { failAt, type ResolveContext } from "../dsl/index.ts";
import { columnOf, type MetricColumn } from "./metric-names.ts";
import type { ParsedScenario } from "./schema.ts";

/** A bound on one metric. */
export interface MetricExpectation {
  /** The summary.csv column, e.g. "lost_writes" for `lostWrites`. */
  metric: MetricColumn;
  /** Set when the scenario gave a bare number: the metric must equal it. */
  equals?: number;
  /** Inclusive lower bound. */
  min?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Over several seeds, the quantile (0 < q ≤ 1, nearest rank) that must be within the bounds;
   *  absent: every seed must be. A single run is its own quantile. */
  quantile?: number;
}

/** A named check: called with a run's result, it returns true, false or a failure message. */
export interface CheckExpectation {
  /** The key it was written under, e.g. "writes resume after the heal". */
  check: string;
  predicate: (result: never) => unknown;
}

export type Expectation = MetricExpectation | CheckExpectation;

export function isCheck(expectation: Expectation): expectation is CheckExpectation {
  return "check" in expectation;
}

type ParsedExpect = NonNullable<ParsedScenario["expect"]>;
/** A metric's bound as parsed (every metric name has the same schema). */
type ParsedBound = NonNullable<ParsedExpect["lostWrites"]>;
type Predicate = CheckExpectation["predicate"];

export function resolveExpectations(
  expect: ParsedExpect | undefined,
  context: ResolveContext,
): Expectation[] {
  const expectations: Expectation[] = [];
  // In the order the scenario lists them (the parsed object follows the schema's order instead).
  const written = (context.input as { expect?: object }).expect ?? {};
  const parsed = (expect ?? {}) as Record<string, ParsedBound | undefined> & {
    checks?: Record<string, Predicate>;
  };
  for (const name of Object.keys(written)) {
    if (name === "checks") {
      for (const [check, predicate] of Object.entries(parsed.checks ?? {}))
        expectations.push({ check, predicate });
      continue;
    }
    const bound = parsed[name];
    if (bound === undefined) continue;
    const metric = columnOf(name);
    if (metric === undefined) throw new Error(`expect.${name} passed the schema but is no metric`);
    if (typeof bound === "number") {
      expectations.push({ metric, equals: bound });
      continue;
    }
    const { min, max, quantile } = bound;
    if (min === undefined && max === undefined)
      failAt(context, ["expect", name], "a number or bounds with at least one of min and max");
    if (min !== undefined && max !== undefined && min > max)
      failAt(context, ["expect", name, "max"], `a max no smaller than min (${min})`);
    expectations.push({
      metric,
      ...(min !== undefined && { min }),
      ...(max !== undefined && { max }),
      ...(quantile !== undefined && { quantile }),
    });
  }
  return expectations;
}

/** Whether a metric value meets an expectation; null (not applicable) never does. */
export function meetsExpectation(expectation: MetricExpectation, value: number | null): boolean {
  if (value === null) return false;
  if (expectation.equals !== undefined && value !== expectation.equals) return false;
  if (expectation.min !== undefined && value < expectation.min) return false;
  if (expectation.max !== undefined && value > expectation.max) return false;
  return true;
}

/** "lost_writes = 0", "failovers ≥ 1", "1 ≤ flaps ≤ 3", "p95 of downtime_s ≤ 30". */
export function describeExpectation({
  metric,
  equals,
  min,
  max,
  quantile,
}: MetricExpectation): string {
  const subject = quantile === undefined ? metric : `${quantileLabel(quantile)} of ${metric}`;
  if (equals !== undefined) return `${subject} = ${equals}`;
  if (min !== undefined && max !== undefined) return `${min} ≤ ${subject} ≤ ${max}`;
  if (min !== undefined) return `${subject} ≥ ${min}`;
  return `${subject} ≤ ${max}`;
}

/** 0.95 → "p95", 0.999 → "p99.9", 1 → "p100". */
export function quantileLabel(quantile: number): string {
  return `p${Number((quantile * 100).toPrecision(12))}`;
}
