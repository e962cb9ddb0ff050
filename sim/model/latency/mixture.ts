// mixture([weight, latency], …): each draw comes from one part, chosen with its weight — a fast
// path most of the time and a slow one now and then (a retransmit, a cross-region detour, a
// garbage-collected hop). A part is a duration or another distribution. The weights sum to 1
// (within 1e-9); the CDF and mean are the weighted sums of the parts', and a quantile is found
// by bisection on the CDF (the smallest value whose CDF reaches p).
import * as z from "zod";
import { drawDuration, strict } from "../../dsl/index.ts";
import type { Latency, LatencyKindModule, LatencyText } from "./latency-kind.ts";

export type MixtureSpec = {
  kind: "mixture";
  parts: { weight: number; latency: LatencyText }[];
};

/** A latency drawn from one of the parts, each chosen with its weight (weights sum to 1). */
export function mixture(...parts: [weight: number, latency: LatencyText][]): MixtureSpec {
  return { kind: "mixture", parts: parts.map(([weight, latency]) => ({ weight, latency })) };
}

type Mixture = { kind: "mixture"; parts: { weight: number; latency: Latency }[] };

/** Parts a mixture may have: enough for any sensible shape, few enough that a draw stays cheap. */
export const maxMixtureParts = 16;
/** How far from 1 the weights may sum. */
export const weightTolerance = 1e-9;

const weight = z
  .number({ error: "a weight from 0 to 1" })
  .min(0, { error: "a weight from 0 to 1" })
  .max(1, { error: "a weight from 0 to 1" });

function schemaOf(part: z.ZodType<Latency>) {
  const partsExpectation = `1 to ${maxMixtureParts} parts like [0.99, "1ms"]`;
  return strict(
    {
      kind: z.literal("mixture"),
      parts: z
        .array(strict({ weight, latency: part }, "a part { weight, latency }"), {
          error: partsExpectation,
        })
        .min(1, { error: partsExpectation })
        .max(maxMixtureParts, { error: partsExpectation })
        // Checked even when a part is wrong elsewhere, so that every problem shows at once.
        .superRefine(checkWeights, { when: () => true }),
    },
    "mixture([weight, latency], …)",
  ).transform(({ parts }): Mixture => ({ kind: "mixture", parts }));
}

/** The weights, where each is a number, must sum to 1. */
function checkWeights(parts: readonly unknown[], context: z.RefinementCtx): void {
  const weights = parts.map((part) => (part as { weight?: unknown } | null)?.weight);
  if (!weights.every((value) => typeof value === "number")) return;
  const sum = (weights as number[]).reduce((total, value) => total + value, 0);
  if (Math.abs(sum - 1) > weightTolerance)
    context.addIssue({
      code: "custom",
      message: `parts whose weights sum to 1 (within ${weightTolerance}); these sum to ${sum}`,
    });
}

const msUs = 1000;
const bisections = 200;

const kind: LatencyKindModule<Mixture, MixtureSpec> = {
  builder: "mixture([weight, latency], …)",
  schema: (part) => (part === undefined ? undefined : schemaOf(part)),
  quantile: ({ parts }, p, ops) => {
    const highs = parts.map(({ latency }) => ops.quantile(latency, Math.min(p, 1)));
    let high = Math.max(...highs);
    if (p >= 1 || !Number.isFinite(high)) return high;
    let low = 0;
    const cdf = (us: number) =>
      parts.reduce((sum, part) => sum + part.weight * ops.cdf(part.latency, us), 0);
    for (let i = 0; i < bisections && high - low > 1e-6; i++) {
      const middle = (low + high) / 2;
      if (cdf(middle) >= p) high = middle;
      else low = middle;
    }
    return high;
  },
  cdf: ({ parts }, us, ops) =>
    parts.reduce((sum, part) => sum + part.weight * ops.cdf(part.latency, us), 0),
  mean: ({ parts }, ops) =>
    parts.reduce(
      (sum, part) => sum + (part.weight > 0 ? part.weight * ops.mean(part.latency) : 0),
      0,
    ),
  sample: ({ parts }, rng, ops) => {
    let u = rng.float();
    for (const part of parts) {
      if (u < part.weight) return ops.sample(part.latency, rng);
      u -= part.weight;
    }
    // Weights summing to a hair under 1: the last part takes the remainder.
    return ops.sample(parts[parts.length - 1].latency, rng);
  },
  describe: ({ parts }, ops) =>
    `mixture of ${parts
      .map(({ weight, latency }) => {
        const phrase = ops.describe(latency);
        return `${Number((weight * 100).toFixed(4))} % ${typeof latency === "number" ? phrase : `(${phrase})`}`;
      })
      .join(", ")}`,
  draw: (rng, part) => {
    const fast = Math.round(rng.uniform(90, 99)) / 100;
    return mixture(
      [fast, drawDuration(rng, 0.5 * msUs, 5 * msUs)],
      [Number((1 - fast).toFixed(2)), part(rng)],
    );
  },
};
export default kind;
