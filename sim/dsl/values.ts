// The building blocks of every schema of the scenario language (scenario/schema.ts and each
// kind's own): strict objects whose unknown keys are errors listing the allowed ones, and the
// value types every part uses — names, durations and rates parsed to microseconds and per-second
// numbers, fractions, probabilities and delay ranges — each failing with a message that says
// what was expected.
import * as z from "zod";
import { durationExpectation, readDuration } from "./duration.ts";
import { listChoices } from "./errors.ts";
import { rateExpectation, readRate } from "./rate.ts";

// The name rule, one for scenarios, nodes, zones and client groups: letters, digits, "-" and
// "_", starting with a letter, at most 64 characters, and not a name every JavaScript object
// already has (constructor, toString, __proto__…). Starting with a letter, a name never looks
// like a flag ("-x"), never begins a spreadsheet formula in a CSV cell (= + - @) and is never
// reordered by JavaScript (integer-like keys come first); without "." or ">" it survives dotted
// --set paths and link keys; a scenario's name is also a folder name.
export const namePattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const nameExpectation = `a name following the name rule: letters, digits, "-" and "_", starting with a letter, at most 64 characters`;
const objectNames = new Set(Object.getOwnPropertyNames(Object.prototype));
/** Whether a text follows the name rule. */
export function isName(text: string): boolean {
  return namePattern.test(text) && !objectNames.has(text);
}
export const linkKeyPattern = /^([A-Za-z][A-Za-z0-9_-]*)(<->|->)([A-Za-z][A-Za-z0-9_-]*)$/;
export const linkKeyExpectation = `a link like "east<->west" (both ways) or "db1->db2" (one way)`;

/** A strict object whose wrong-type message lists its keys; unknown keys are reported by issues.ts. */
export function strict<Shape extends z.ZodRawShape>(shape: Shape, what = "an object") {
  const keys = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? undefined : `${what} with the keys ${keys}`,
  });
}

export function oneOf<const Choices extends readonly [string, ...string[]]>(choices: Choices) {
  return z.enum(choices, { error: listChoices(choices) });
}

/** A duration string, parsed to whole microseconds. */
export function duration({ positive = false } = {}) {
  return z.string({ error: durationExpectation }).transform((text, context) => {
    const reading = readDuration(text);
    if (!reading.ok) {
      context.addIssue({ code: "custom", message: reading.expected });
      return z.NEVER;
    }
    if (positive && reading.us === 0) {
      context.addIssue({ code: "custom", message: `a duration greater than zero, like "3s"` });
      return z.NEVER;
    }
    return reading.us;
  });
}

export const rate = z.string({ error: rateExpectation }).transform((text, context) => {
  const reading = readRate(text);
  if (!reading.ok) {
    context.addIssue({ code: "custom", message: reading.expected });
    return z.NEVER;
  }
  return reading.perSecond;
});

/** A rate, or "unlimited" (Infinity) for a throughput with no cap. */
export const rateOrUnlimited = z
  .string({ error: `${rateExpectation}, or "unlimited"` })
  .transform((text, context) => {
    if (text === "unlimited") return Infinity;
    const reading = readRate(text);
    if (!reading.ok || reading.perSecond === 0) {
      context.addIssue({
        code: "custom",
        message: `a rate above zero like "5000/s", or "unlimited"`,
      });
      return z.NEVER;
    }
    return reading.perSecond;
  });

/** A duration, or "unlimited" (Infinity). */
export const durationOrUnlimited = z.union(
  [z.literal("unlimited").transform(() => Infinity), duration()],
  {
    error: `${durationExpectation}, or "unlimited"`,
  },
);

export const fraction = z
  .number({ error: "a fraction from 0 to 1" })
  .min(0, { error: "a fraction from 0 to 1" })
  .max(1, { error: "a fraction from 0 to 1" });

const wholeAtLeastOne = "a whole number, at least 1";
/** A whole number of at least 1 (a count of probes, attempts, replicas). */
export const countAtLeastOne = z
  .number({ error: wholeAtLeastOne })
  .int({ error: wholeAtLeastOne })
  .min(1, { error: wholeAtLeastOne });

export const positiveNumber = z
  .number({ error: "a number above 0" })
  .positive({ error: "a number above 0" });

export const name = z.string({ error: nameExpectation }).refine(isName, { error: nameExpectation });
export const probability = z
  .number({ error: "a probability from 0 to 1" })
  .min(0, { error: "a probability from 0 to 1" })
  .max(1, { error: "a probability from 0 to 1" });

/** A duration, or a range of them ("5m..15m") to draw from: `{ minUs, maxUs }` (equal for a
 *  single duration). `what` names the single form, like `a delay like "10m"`. */
function durationRange(what: string) {
  const expected = `${what} or a range like "5m..15m"`;
  return z.string({ error: expected }).transform((text, context) => {
    const parts = text.split("..");
    const readings = parts.map((part) => readDuration(part.trim()));
    if (parts.length > 2 || readings.some((reading) => !reading.ok)) {
      context.addIssue({ code: "custom", message: expected });
      return z.NEVER;
    }
    const [low, high] = readings.map((reading) => (reading as { us: number }).us);
    if (high !== undefined && high < low) {
      context.addIssue({
        code: "custom",
        message: `a range whose end is not before its start, like "5m..15m"`,
      });
      return z.NEVER;
    }
    return { minUs: low, maxUs: high ?? low };
  });
}

export const delayRange = durationRange(`a delay like "10m"`);

/** When a scheduled fault strikes: a time, or a range it is drawn from uniformly by the seed. */
export const timeRange = durationRange(`a time like "5m"`);
