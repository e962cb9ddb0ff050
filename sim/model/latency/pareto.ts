// pareto(scale, shape): a power-law tail — the heavy tails of retransmits and congested queues,
// where a few messages take orders of magnitude longer than most. Never below `scale`;
// P(X > x) = (scale/x)^shape; quantile scale · (1 − p)^(−1/shape); mean shape·scale/(shape − 1)
// for shape > 1 and infinite otherwise (a draw is still finite, capped by the model's limit).
import * as z from "zod";
import {
  drawDuration,
  duration,
  positiveNumber,
  spokenDuration,
  strict,
  type Duration,
} from "../../dsl/index.ts";
import type { LatencyKindModule } from "./latency-kind.ts";

export type ParetoSpec = { kind: "pareto"; scale: Duration; shape: number };

/** Pareto latency: at least `scale`, with a power-law tail of exponent `shape` (smaller: heavier). */
export function pareto(scale: Duration, shape: number): ParetoSpec {
  return { kind: "pareto", scale, shape };
}

type Pareto = { kind: "pareto"; scaleUs: number; shape: number };

const schema = strict(
  { kind: z.literal("pareto"), scale: duration({ positive: true }), shape: positiveNumber },
  "pareto(scale, shape)",
).transform(({ scale, shape }): Pareto => ({ kind: "pareto", scaleUs: scale, shape }));

const msUs = 1000;

const quantile = ({ scaleUs, shape }: Pareto, p: number) =>
  p >= 1 ? Infinity : scaleUs * Math.pow(1 - p, -1 / shape);

const kind: LatencyKindModule<Pareto, ParetoSpec> = {
  builder: "pareto(scale, shape)",
  schema: () => schema,
  quantile,
  cdf: ({ scaleUs, shape }, us) => (us < scaleUs ? 0 : 1 - Math.pow(scaleUs / us, shape)),
  mean: ({ scaleUs, shape }) => (shape > 1 ? (shape * scaleUs) / (shape - 1) : Infinity),
  sample: (data, rng) => quantile(data, rng.float()),
  describe: ({ scaleUs, shape }) =>
    `Pareto, scale ${spokenDuration(Math.round(scaleUs))}, shape ${shape}`,
  draw: (rng) =>
    pareto(drawDuration(rng, 0.5 * msUs, 5 * msUs), Math.round(rng.uniform(150, 400)) / 100),
};
export default kind;
