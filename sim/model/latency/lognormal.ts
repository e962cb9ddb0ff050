// lognormal(median, sigma): delays whose logarithm is normal — the usual fit of measured RPC and
// network latencies (a body near the median and a long right tail). X = median · e^(σZ), Z
// standard normal: mean median · e^(σ²/2), quantile median · e^(σ Φ⁻¹(p)); unbounded above.
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
import { normalCdf, normalQuantile } from "./normal.ts";

export type LognormalSpec = { kind: "lognormal"; median: Duration; sigma: number };

/** Lognormal latency: half of the draws below `median`; `sigma` the spread of its logarithm. */
export function lognormal(median: Duration, sigma: number): LognormalSpec {
  return { kind: "lognormal", median, sigma };
}

type Lognormal = { kind: "lognormal"; medianUs: number; sigma: number };

const schema = strict(
  {
    kind: z.literal("lognormal"),
    median: duration({ positive: true }),
    sigma: positiveNumber,
  },
  "lognormal(median, sigma)",
).transform(({ median, sigma }): Lognormal => ({ kind: "lognormal", medianUs: median, sigma }));

const msUs = 1000;

const quantile = ({ medianUs, sigma }: Lognormal, p: number) =>
  medianUs * Math.exp(sigma * normalQuantile(p));

const kind: LatencyKindModule<Lognormal, LognormalSpec> = {
  builder: "lognormal(median, sigma)",
  schema: () => schema,
  quantile,
  cdf: ({ medianUs, sigma }, us) => (us <= 0 ? 0 : normalCdf(Math.log(us / medianUs) / sigma)),
  mean: ({ medianUs, sigma }) => medianUs * Math.exp((sigma * sigma) / 2),
  sample: (data, rng) => quantile(data, rng.float()),
  describe: ({ medianUs, sigma }) =>
    `lognormal, median ${spokenDuration(Math.round(medianUs))}, σ ${sigma}`,
  draw: (rng) =>
    lognormal(drawDuration(rng, 0.5 * msUs, 10 * msUs), Math.round(rng.uniform(10, 100)) / 100),
};
export default kind;
