// What a latency distribution kind is: one module holding every facet of it
// (latency/<kind>.ts), the registry (latency/index.ts) the only list. A latency — of a link, of
// a degraded link, of a slow node's writes — is a fixed duration (whole µs) or one of these
// distributions, plain data with its durations in µs. The facets:
//   DSL       its builder (exported by the kind's file) and its form in a scenario file (zod,
//             durations parsed to µs; a mixture's parts are latencies themselves, so a kind's
//             schema is handed the schema of one part);
//   math      its mean, CDF and quantile — for the docs, the tests, `sim explain` and the fuzzer's
//             promises;
//   model     a draw from a seeded stream: by inverse transform, quantile(u) of one uniform u,
//             for the single kinds (a mixture first draws which part);
//   describe  its phrase in `sim explain` and in fault labels;
//   fuzz      how the swarm draws one, as scenario data.
// Every facet is required: a kind that leaves one out does not compile.
import type * as z from "zod";
import type { Rng } from "../../engine/index.ts";
import type { Duration } from "../../dsl/index.ts";

/** A distribution's data as the model keeps it (durations in µs). */
export interface LatencyData {
  readonly kind: string;
}

/** A latency as the model keeps it: a fixed one in whole µs, or a distribution. */
export type Latency = number | LatencyData;

/** A distribution as a scenario writes it (what a builder returns). */
export interface LatencySpecData {
  readonly kind: string;
}

/** A latency as a scenario writes it: a duration ("2ms") or a distribution. */
export type LatencyText = Duration | LatencySpecData;

/** What a kind may ask of the latencies it is made of (a mixture's parts). */
export interface LatencyOps {
  /** A draw in µs, not yet rounded. */
  sample(latency: Latency, rng: Rng): number;
  mean(latency: Latency): number;
  cdf(latency: Latency, us: number): number;
  quantile(latency: Latency, p: number): number;
  describe(latency: Latency): string;
}

export interface LatencyKindModule<Data extends LatencyData, Spec extends LatencySpecData> {
  /** Its builder as messages list it: "lognormal(median, sigma)". */
  readonly builder: string;
  /** Its form in a scenario file; `part` reads one part of a mixture (undefined where a mixture
   *  may not nest any deeper). */
  schema(part: z.ZodType<Latency> | undefined): z.ZodType<Data> | undefined;
  /** The value below which a fraction `p` of draws fall (p = 1: its largest, Infinity when
   *  unbounded), in µs. */
  quantile(data: Data, p: number, ops: LatencyOps): number;
  /** The fraction of draws at or below `us`. */
  cdf(data: Data, us: number, ops: LatencyOps): number;
  /** Its mean in µs (Infinity when it has none). */
  mean(data: Data, ops: LatencyOps): number;
  /** One draw in µs from `rng`, not yet rounded. */
  sample(data: Data, rng: Rng, ops: LatencyOps): number;
  /** "lognormal, median 2 ms, σ 0.5". */
  describe(data: Data, ops: LatencyOps): string;
  /** The swarm's draw, as a scenario writes it; `part` draws a part of a mixture. */
  draw(rng: Rng, part: (rng: Rng) => LatencyText): Spec;
}
