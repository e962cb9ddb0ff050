// Latency distributions (sim/model/latency): each kind's draws against its analytic mean and
// quantiles, its quantile against its CDF, whole-µs draws from a seeded stream, and the
// scenario form — every problem of a bad one named at once. Tolerances: a sample mean within 5
// standard errors of the analytic mean (σ/√n with the analytic σ), and the share of draws below
// a quantile within 5 binomial standard errors (√(p(1 − p)/n)) of p — for 10⁵ draws, a test
// that fails by chance about once in 3.5 million runs.
import { describe, expect, it } from "vitest";
import { Rng } from "../../sim/engine/index.ts";
import {
  describeLatency,
  exponential,
  latencyCdf,
  latencyKinds,
  latencyLimitUs,
  latencyMeanUs,
  latencyQuantileUs,
  latencySchema,
  lognormal,
  mixture,
  pareto,
  sampleLatencyUs,
  type Latency,
  type LatencyKind,
  type LatencyText,
} from "../../sim/model/index.ts";
import { resolveScenario, type ScenarioError } from "../../sim/scenario/index.ts";

const n = 100_000;
const ln2000 = Math.log(2000);

interface Case {
  latency: Latency;
  mean: number;
  variance: number;
}

/** One of each kind, with its analytic mean and variance (µs, µs²). */
const cases: Record<LatencyKind, Case> = {
  exponential: { latency: parsed(exponential("2ms")), mean: 2000, variance: 2000 ** 2 },
  lognormal: {
    latency: parsed(lognormal("2ms", 0.5)),
    mean: 2000 * Math.exp(0.125),
    variance: (Math.exp(0.25) - 1) * Math.exp(2 * ln2000 + 0.25),
  },
  pareto: {
    latency: parsed(pareto("1ms", 3.5)),
    mean: (3.5 * 1000) / 2.5,
    variance: (1000 ** 2 * 3.5) / (2.5 ** 2 * 1.5),
  },
  mixture: {
    latency: parsed(mixture([0.9, "1ms"], [0.1, exponential("10ms")])),
    mean: 0.9 * 1000 + 0.1 * 10_000,
    // Σ w (σᵢ² + μᵢ²) − μ²
    variance: 0.9 * 1000 ** 2 + 0.1 * (2 * 10_000 ** 2) - 1900 ** 2,
  },
};

/** A latency as a scenario writes it, read into µs. */
function parsed(written: LatencyText): Latency {
  return latencySchema.parse(written);
}

function draws(latency: Latency, name: string): number[] {
  const rng = new Rng(7, name);
  return Array.from({ length: n }, () => sampleLatencyUs(latency, rng));
}

describe.each(latencyKinds)("latency distribution %s", (kind) => {
  const { latency, mean, variance } = cases[kind];
  const sample = draws(latency, `test:${kind}`);

  it("draws whole microseconds, none negative", () => {
    expect(sample.every((us) => Number.isInteger(us) && us >= 0)).toBe(true);
  });

  it("has the analytic mean, and its draws average to it within 5 standard errors", () => {
    expect(latencyMeanUs(latency)).toBeCloseTo(mean, 6);
    const average = sample.reduce((sum, us) => sum + us, 0) / n;
    expect(Math.abs(average - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
  });

  it.each([0.5, 0.9, 0.99])("puts a share %s of its draws below its quantile", (p) => {
    const q = latencyQuantileUs(latency, p);
    const tolerance = 5 * Math.sqrt((p * (1 - p)) / n);
    // With an atom at q (a mixture's fixed part), P(X < q) ≤ p ≤ P(X ≤ q).
    expect(sample.filter((us) => us < Math.floor(q)).length / n).toBeLessThan(p + tolerance);
    expect(sample.filter((us) => us <= Math.ceil(q)).length / n).toBeGreaterThan(p - tolerance);
    expect(latencyCdf(latency, q)).toBeGreaterThanOrEqual(p - 1e-6);
  });

  it("draws the same values from the same stream", () => {
    expect(draws(latency, `test:${kind}`).slice(0, 100)).toEqual(sample.slice(0, 100));
  });

  it("says what it is, with its mean, p99 and p99.9", () => {
    expect(describeLatency(latency)).toMatch(
      /\(mean [\d.]+ m?s, p99 [\d.]+ m?s, p99.9 [\d.]+ m?s\)$/,
    );
  });
});

describe("latency quantiles and CDFs", () => {
  it("the single kinds' CDF inverts their quantile", () => {
    for (const kind of ["exponential", "lognormal", "pareto"] as const) {
      for (const p of [0.01, 0.25, 0.5, 0.75, 0.999]) {
        const latency = cases[kind].latency;
        expect(latencyCdf(latency, latencyQuantileUs(latency, p))).toBeCloseTo(p, 6);
      }
    }
  });

  it("hand-computed quantiles: exponential −mean·ln(1 − p), lognormal median·e^(σz), Pareto scale·(1 − p)^(−1/shape)", () => {
    expect(latencyQuantileUs(cases.exponential.latency, 0.5)).toBeCloseTo(2000 * Math.LN2, 6);
    // z(0.99) = 2.326347874
    expect(latencyQuantileUs(cases.lognormal.latency, 0.99)).toBeCloseTo(
      2000 * Math.exp(0.5 * 2.326347874),
      3,
    );
    expect(latencyQuantileUs(cases.pareto.latency, 0.99)).toBeCloseTo(1000 * 100 ** (1 / 3.5), 6);
    // The mixture's median sits on its 1 ms atom; its p99 is the exponential part's p90.
    expect(latencyQuantileUs(cases.mixture.latency, 0.5)).toBeCloseTo(1000, 3);
    expect(latencyQuantileUs(cases.mixture.latency, 0.99)).toBeCloseTo(10_000 * Math.log(10), 2);
  });

  it("an unbounded distribution's largest value is Infinity; a mixture of durations has a largest", () => {
    expect(latencyQuantileUs(cases.pareto.latency, 1)).toBe(Infinity);
    const bounded = parsed(mixture([0.5, "1ms"], [0.5, "3ms"]));
    expect(latencyQuantileUs(bounded, 1)).toBe(3000);
    expect(latencyMeanUs(bounded)).toBe(2000);
  });

  it("a Pareto tail without a mean still draws finite values, within the model's limit", () => {
    const wild = parsed(pareto("1ms", 0.05));
    expect(latencyMeanUs(wild)).toBe(Infinity);
    const sample = draws(wild, "test:wild");
    expect(Math.max(...sample)).toBe(latencyLimitUs);
    expect(Math.min(...sample)).toBeGreaterThanOrEqual(1000);
  });
});

describe("latency in a scenario", () => {
  const read = (value: unknown) => latencySchema.safeParse(value);

  it("the builders make plain data the schema reads into µs", () => {
    const written = mixture([0.99, "1ms"], [0.01, pareto("5ms", 1.5)]);
    expect(JSON.parse(JSON.stringify(written))).toEqual(written);
    expect(read(written).data).toEqual({
      kind: "mixture",
      parts: [
        { weight: 0.99, latency: 1000 },
        { weight: 0.01, latency: { kind: "pareto", scaleUs: 5000, shape: 1.5 } },
      ],
    });
    expect(read(exponential("2ms")).data).toEqual({ kind: "exponential", meanUs: 2000 });
    expect(read(lognormal("2ms", 0.5)).data).toEqual({
      kind: "lognormal",
      medianUs: 2000,
      sigma: 0.5,
    });
    expect(read("3ms").data).toBe(3000);
  });

  it("every problem of a bad distribution at once, each at its field", () => {
    const scenario = {
      name: "bad-latency",
      summary: "A network with a wrong latency distribution.",
      duration: "1m",
      nodes: { db1: { role: "primary" }, db2: { role: "standby" }, mon: { role: "monitor" } },
      network: {
        latency: {
          kind: "mixture",
          parts: [
            { weight: 0.5, latency: { kind: "pareto", scale: "0ms", shape: 0 } },
            { weight: 0.3, latency: { kind: "lognormal", median: "1ms", sigma: -1 } },
          ],
        },
        links: { "db1<->db2": { latency: { kind: "paretto" } } },
      },
    };
    let fields: string[] = [];
    try {
      resolveScenario(scenario, { file: "bad.ts" });
    } catch (error) {
      fields = (error as ScenarioError).problems.map((problem) => problem.field);
    }
    expect(fields).toEqual([
      "network.latency.parts[0].latency.scale",
      "network.latency.parts[0].latency.shape",
      "network.latency.parts[1].latency.sigma",
      "network.latency.parts",
      "network.links.db1<->db2.latency.kind",
    ]);
  });

  it("weights must sum to 1 within 1e-9; mixtures nest at most 3 deep", () => {
    expect(read(mixture([0.5, "1ms"], [0.5 + 2e-10, "2ms"])).success).toBe(true);
    expect(read(mixture([0.5, "1ms"], [0.5 + 2e-9, "2ms"])).success).toBe(false);
    const nested = (depth: number): unknown =>
      depth === 0 ? "1ms" : mixture([1, nested(depth - 1) as LatencyText]);
    expect(read(nested(3)).success).toBe(true);
    expect(read(nested(4)).success).toBe(false);
  });
});
