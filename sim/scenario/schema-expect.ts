// The `expect` of a scenario: per metric an exact value or { min, max } bounds, optionally over a
// quantile of the seeds of a check, and named checks — functions of the run's result.
import * as z from "zod";
import { metricNames, type MetricName } from "./metric-names.ts";
import { strict } from "../dsl/index.ts";

const boundNumber = z.number({ error: "a number" });
const quantileExpectation = "a quantile over the seeds above 0 and at most 1, like 0.95";
const quantile = z
  .number({ error: quantileExpectation })
  .gt(0, { error: quantileExpectation })
  .lte(1, { error: quantileExpectation });
const expectBound = z.union(
  [
    boundNumber,
    strict(
      { min: boundNumber.optional(), max: boundNumber.optional(), quantile: quantile.optional() },
      "bounds",
    ),
  ],
  {
    error:
      "a number (exact value) or { min, max } (optionally with a quantile); a function belongs in checks",
  },
);
const checkExpectation = `a check: a function (result) => true | false | "why not"`;
const check = z.custom<(result: never) => unknown>((value) => typeof value === "function", {
  error: checkExpectation,
});
const checkName = z
  .string()
  .regex(/\S/, { error: "a name saying what the check checks" })
  .refine((text) => !["__proto__", "constructor", "prototype"].includes(text), {
    error: "a name saying what the check checks (not __proto__, constructor or prototype)",
  });
const metricBounds = Object.fromEntries(
  metricNames.map((metric) => [metric, expectBound.optional()]),
) as Record<MetricName, z.ZodOptional<typeof expectBound>>;
export const expectSchema = strict(
  {
    ...metricBounds,
    checks: z
      .record(checkName, check, {
        error: `checks by name, like { "db2 ends primary": (result) => … }`,
      })
      .optional(),
  },
  "expectations",
);
