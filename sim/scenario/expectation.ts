// What a scenario expects of its metrics (`expect: { lostWrites: 0, failovers: { min: 1 } }`),
// resolved to summary.csv columns. A bare number means "exactly this value"; bounds are inclusive.
// A metric that does not apply to a run (null, e.g. detection_s without a fault) meets no
// expectation: a scenario that expects a value for it has a mistake worth reporting.
import { failAt, type ResolveContext } from "./errors.ts";
import { columnOf, type MetricColumn } from "./metric-names.ts";
import type { ParsedScenario } from "./schema.ts";

export interface Expectation {
  /** The summary.csv column, e.g. "lost_writes" for `lostWrites`. */
  metric: MetricColumn;
  /** Set when the scenario gave a bare number: the metric must equal it. */
  equals?: number;
  /** Inclusive lower bound. */
  min?: number;
  /** Inclusive upper bound. */
  max?: number;
}

type ParsedExpect = NonNullable<ParsedScenario["expect"]>;
type ParsedBound = ParsedExpect[string];

export function resolveExpectations(expect: ParsedExpect | undefined, context: ResolveContext): Expectation[] {
  const expectations: Expectation[] = [];
  // In the order the scenario lists them (the parsed object follows the schema's order instead).
  const written = (context.input as { expect?: object }).expect ?? {};
  const parsed: Record<string, ParsedBound | undefined> = expect ?? {};
  for (const name of Object.keys(written)) {
    const bound = parsed[name];
    if (bound === undefined) continue;
    const metric = columnOf(name);
    if (metric === undefined) throw new Error(`expect.${name} passed the schema but is no metric`);
    if (typeof bound === "number") {
      expectations.push({ metric, equals: bound });
      continue;
    }
    const { min, max } = bound;
    if (min === undefined && max === undefined) failAt(context, ["expect", name], "a number or bounds with at least one of min and max");
    if (min !== undefined && max !== undefined && min > max) failAt(context, ["expect", name, "max"], `a max no smaller than min (${min})`);
    expectations.push({ metric, ...(min !== undefined && { min }), ...(max !== undefined && { max }) });
  }
  return expectations;
}

/** Whether a metric value meets an expectation; null (not applicable) never does. */
export function meetsExpectation(expectation: Expectation, value: number | null): boolean {
  if (value === null) return false;
  if (expectation.equals !== undefined && value !== expectation.equals) return false;
  if (expectation.min !== undefined && value < expectation.min) return false;
  if (expectation.max !== undefined && value > expectation.max) return false;
  return true;
}

/** "lost_writes = 0", "failovers ≥ 1", "1 ≤ flaps ≤ 3". */
export function describeExpectation({ metric, equals, min, max }: Expectation): string {
  if (equals !== undefined) return `${metric} = ${equals}`;
  if (min !== undefined && max !== undefined) return `${min} ≤ ${metric} ≤ ${max}`;
  if (min !== undefined) return `${metric} ≥ ${min}`;
  return `${metric} ≤ ${max}`;
}
