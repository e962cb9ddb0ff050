// The registry of latency distributions: one module per kind (latency-kind.ts says what a module
// holds), and this map the only list of them — the schema of every latency a scenario writes
// (a link's, a zone's, a degraded link's extra delay, a slow node's), the swarm's draws, the
// fuzzer's coverage and `sim explain` come from it. A new kind is one file plus its entry here.
// A latency is a fixed duration (whole µs) or a distribution; a draw is rounded to whole µs and
// never exceeds `latencyLimitUs` (a Pareto tail can reach any value). Mixtures nest at most
// `maxMixtureDepth` deep, so no scenario can make the schema or a draw recurse without bound.
import * as z from "zod";
import type { Rng } from "../../engine/index.ts";
import { duration, durationExpectation, listChoices, spokenDuration } from "../../dsl/index.ts";
import exponential from "./exponential.ts";
import type { Latency, LatencyData, LatencyKindModule, LatencyOps } from "./latency-kind.ts";
import type { LatencySpecData, LatencyText } from "./latency-kind.ts";
import lognormal from "./lognormal.ts";
import mixture from "./mixture.ts";
import pareto from "./pareto.ts";

export type { Latency, LatencyData, LatencySpecData, LatencyText };
export { exponential, type ExponentialSpec } from "./exponential.ts";
export { lognormal, type LognormalSpec } from "./lognormal.ts";
export { pareto, type ParetoSpec } from "./pareto.ts";
export { maxMixtureParts, mixture, type MixtureSpec } from "./mixture.ts";

export const latencies = { exponential, lognormal, pareto, mixture } as const;

export type LatencyKind = keyof typeof latencies;

// Each module is registered under the kind its data carries.
latencies satisfies {
  [K in LatencyKind]: LatencyKindModule<{ kind: K }, { kind: K }>;
};

/** Every distribution kind, in registry order. */
export const latencyKinds = Object.keys(latencies) as [LatencyKind, ...LatencyKind[]];

/** A drawn latency never exceeds one day: later than that, a message is as good as lost in any
 *  run (and simulated time stays far from floating-point trouble). */
export const latencyLimitUs = 86_400_000_000;
/** A mixture's part may be a mixture, this many levels deep at most. */
export const maxMixtureDepth = 3;

function kindOf(kind: string): LatencyKindModule<LatencyData, LatencySpecData> {
  return latencies[kind as LatencyKind] as unknown as LatencyKindModule<
    LatencyData,
    LatencySpecData
  >;
}

const ops: LatencyOps = {
  sample: (latency, rng) =>
    typeof latency === "number" ? latency : kindOf(latency.kind).sample(latency, rng, ops),
  mean: (latency) =>
    typeof latency === "number" ? latency : kindOf(latency.kind).mean(latency, ops),
  cdf: (latency, us) =>
    typeof latency === "number"
      ? us >= latency
        ? 1
        : 0
      : kindOf(latency.kind).cdf(latency, us, ops),
  quantile: (latency, p) =>
    typeof latency === "number" ? latency : kindOf(latency.kind).quantile(latency, p, ops),
  describe: (latency) =>
    typeof latency === "number"
      ? spokenDuration(latency)
      : kindOf(latency.kind).describe(latency, ops),
};

/** One draw of a latency in whole µs (a fixed one draws nothing). */
export function sampleLatencyUs(latency: Latency, rng: Rng): number {
  if (typeof latency === "number") return latency;
  const us = ops.sample(latency, rng);
  return us >= latencyLimitUs ? latencyLimitUs : Math.round(us);
}

/** Its mean in µs (Infinity when it has none). */
export function latencyMeanUs(latency: Latency): number {
  return ops.mean(latency);
}

/** The fraction of draws at or below `us`. */
export function latencyCdf(latency: Latency, us: number): number {
  return ops.cdf(latency, us);
}

/** The value below which a fraction `p` of draws fall, in µs (p = 1: the largest, Infinity
 *  when unbounded — before the model's limit). */
export function latencyQuantileUs(latency: Latency, p: number): number {
  return ops.quantile(latency, p);
}

/** "2 ms", or "lognormal, median 2 ms, σ 0.5" (labels). */
export function latencyPhrase(latency: Latency): string {
  return ops.describe(latency);
}

/** "2 ms", or "lognormal, median 2 ms, σ 0.5 (mean 2.27 ms, p99 6.4 ms, p99.9 9.4 ms)". */
export function describeLatency(latency: Latency): string {
  if (typeof latency === "number") return spokenDuration(latency);
  const spoken = (us: number) => (Number.isFinite(us) ? spokenDuration(Math.round(us)) : "none");
  const [mean, p99, p999] = [
    ops.mean(latency),
    ops.quantile(latency, 0.99),
    ops.quantile(latency, 0.999),
  ].map(spoken);
  return `${ops.describe(latency)} (mean ${mean}, p99 ${p99}, p99.9 ${p999})`;
}

/** Whether it is a fixed zero: no delay at all. */
export function isNoLatency(latency: Latency): boolean {
  return latency === 0;
}

/** The name the fuzzer's coverage counts a latency under: "fixed" or its kind. */
export function latencyKindName(latency: Latency): "fixed" | LatencyKind {
  return typeof latency === "number" ? "fixed" : (latency.kind as LatencyKind);
}

/** The swarm's draw of a latency of `kind` ("fixed": a duration from `fixed`), as a scenario
 *  writes it; a mixture's slow part is a distribution that is not a mixture. */
export function drawLatency(
  rng: Rng,
  kind: "fixed" | LatencyKind,
  fixed: (rng: Rng) => LatencyText,
): LatencyText {
  if (kind === "fixed") return fixed(rng);
  const simple = latencyKinds.filter((name) => name !== "mixture");
  const part = (inner: Rng) => drawLatency(inner, simple[inner.int(simple.length)], fixed);
  return kindOf(kind).draw(rng, part);
}

const builders = latencyKinds.map((kind) => latencies[kind].builder);

/** What a latency may be, as messages say it. */
export const latencyExpectation = `${durationExpectation}, or a distribution made with ${listChoices(builders, false)}`;

function latencySchemaAt(depth: number): z.ZodType<Latency> {
  const part = depth < maxMixtureDepth ? latencySchemaAt(depth + 1) : undefined;
  const objects = latencyKinds.flatMap((kind) => {
    const schema = latencies[kind].schema(part as z.ZodType<Latency>);
    return schema === undefined ? [] : [schema];
  });
  const allowed = latencyKinds.filter((kind) => kind !== "mixture" || part !== undefined);
  const deepest = part === undefined ? ` (a mixture nests at most ${maxMixtureDepth} deep)` : "";
  const distributions = z.discriminatedUnion(
    "kind",
    objects as unknown as [z.ZodObject, ...z.ZodObject[]],
    { error: `a distribution of kind ${listChoices(allowed)}${deepest}` },
  );
  return z.union([duration(), distributions], {
    error: latencyExpectation,
  }) as unknown as z.ZodType<Latency>;
}

/** A latency as a scenario writes it, read into µs. */
export const latencySchema = latencySchemaAt(0);
