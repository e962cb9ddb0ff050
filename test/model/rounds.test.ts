// The spacing of the monitors' rounds (sim/model/detectors/rounds.ts): exactly the interval by
// default; with intervalJitter j, uniform on [interval·(1 − j), interval·(1 + j)] — its mean,
// variance and quantiles against the uniform's, within 5 standard errors of 10⁵ draws — and, end
// to end, a crash detected at a time that varies with the seed only when the rounds jitter.
import { describe, expect, it } from "vitest";
import { Rng } from "../../sim/engine/index.ts";
import { roundSpacingUs } from "../../sim/model/detectors/index.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { at, crash, defineScenario } from "../../sim/scenario/index.ts";

const n = 100_000;
const intervalUs = 1_000_000;

describe("round spacing", () => {
  it("is exactly the interval without jitter, drawing nothing", () => {
    const rng = new Rng(1, "rounds:mon");
    const untouched = new Rng(1, "rounds:mon");
    expect(roundSpacingUs(intervalUs, 0, rng)).toBe(intervalUs);
    expect(rng.float()).toBe(untouched.float());
  });

  it("with jitter 0.2 is uniform on [0.8, 1.2] intervals: bounds, mean, variance, quantiles", () => {
    const j = 0.2;
    const rng = new Rng(5, "rounds:mon");
    const spacings = Array.from({ length: n }, () => roundSpacingUs(intervalUs, j, rng));
    expect(Math.min(...spacings)).toBeGreaterThanOrEqual(intervalUs * (1 - j));
    expect(Math.max(...spacings)).toBeLessThanOrEqual(intervalUs * (1 + j));
    // Uniform of half-width h = j·interval: variance h²/3.
    const h = j * intervalUs;
    const mean = spacings.reduce((sum, us) => sum + us, 0) / n;
    expect(Math.abs(mean - intervalUs)).toBeLessThan(5 * Math.sqrt(h ** 2 / 3 / n));
    const variance = spacings.reduce((sum, us) => sum + (us - mean) ** 2, 0) / (n - 1);
    // The sample variance of a uniform has standard error h²·√(4/45n).
    expect(Math.abs(variance - h ** 2 / 3)).toBeLessThan(5 * h ** 2 * Math.sqrt(4 / (45 * n)));
    for (const p of [0.1, 0.5, 0.9]) {
      const quantile = intervalUs * (1 - j + 2 * j * p);
      const share = spacings.filter((us) => us <= quantile).length / n;
      expect(Math.abs(share - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    }
  });
});

describe("rounds end to end", () => {
  /** db1 crashes at 20.5 s; the monitor suspects it 3 s after its last answer. */
  const scenario = (intervalJitter: number, seed: number) =>
    defineScenario({
      name: "jittered-rounds",
      summary: "A crash detected by a monitor whose rounds may jitter.",
      duration: "40s",
      seed,
      nodes: {
        db1: { role: "primary", zone: "a" },
        db2: { role: "standby", zone: "b" },
        mon: { role: "monitor", zone: "c" },
      },
      network: { latency: "1ms", jitter: "0s" },
      detector: { interval: "1s", timeout: "3s", intervalJitter },
      clients: { writes: "10/s" },
      faults: [at("20.5s", crash("db1"))],
    });
  const detection = (intervalJitter: number) =>
    Array.from(
      { length: 20 },
      (_, seed) => runScenario(scenario(intervalJitter, seed + 1)).metrics.detection_s!,
    );

  it("without jitter every seed detects the crash at the same time: the last round before it + 3 s", () => {
    // Rounds at whole seconds: the last answer came at 20 s + 2 ms, so suspicion at 23.002 s.
    expect(new Set(detection(0))).toEqual(new Set([2.502]));
  });

  it("with jitter 0.5 the time varies with the seed, within a widest round (1.5 s) before the timeout", () => {
    const times = detection(0.5);
    expect(new Set(times).size).toBeGreaterThan(10);
    for (const time of times) {
      expect(time).toBeGreaterThan(3 - 1.5);
      expect(time).toBeLessThanOrEqual(3.002);
    }
  });

  it("is deterministic: the same seed gives the same run", () => {
    const first = runScenario(scenario(0.5, 9));
    expect(runScenario(scenario(0.5, 9)).fingerprint).toBe(first.fingerprint);
    expect(runScenario(scenario(0, 9)).fingerprint).not.toBe(first.fingerprint);
  });
});
