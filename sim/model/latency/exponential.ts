// exponential(mean): delays with exponential tails — memoryless queueing, the classic model of
// a link's waiting time (M/M/1). Mean `mean`; quantile −mean·ln(1 − p); unbounded above.
import * as z from "zod";
import { drawDuration, duration, spokenDuration, strict, type Duration } from "../../dsl/index.ts";
import type { LatencyKindModule } from "./latency-kind.ts";

export type ExponentialSpec = { kind: "exponential"; mean: Duration };

/** Exponentially distributed latency with the given mean. */
export function exponential(mean: Duration): ExponentialSpec {
  return { kind: "exponential", mean };
}

type Exponential = { kind: "exponential"; meanUs: number };

const schema = strict(
  { kind: z.literal("exponential"), mean: duration({ positive: true }) },
  "exponential(mean)",
).transform(({ mean }): Exponential => ({ kind: "exponential", meanUs: mean }));

const msUs = 1000;

const kind: LatencyKindModule<Exponential, ExponentialSpec> = {
  builder: "exponential(mean)",
  schema: () => schema,
  quantile: ({ meanUs }, p) => (p >= 1 ? Infinity : -meanUs * Math.log(1 - p)),
  cdf: ({ meanUs }, us) => (us <= 0 ? 0 : 1 - Math.exp(-us / meanUs)),
  mean: ({ meanUs }) => meanUs,
  sample: ({ meanUs }, rng) => -meanUs * Math.log(1 - rng.float()),
  describe: ({ meanUs }) => `exponential, mean ${spokenDuration(Math.round(meanUs))}`,
  draw: (rng) => exponential(drawDuration(rng, 0.5 * msUs, 5 * msUs)),
};
export default kind;
