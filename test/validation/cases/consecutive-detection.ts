// Case 4 — detection time of a `consecutive` detector (Kubernetes probe defaults: every i = 10 s,
// k = 3 failures, probe timeout p = 1 s) after a crash at a uniformly random time. Probes leave
// the monitor at multiples of i and reach the node ℓ later; the first to fail is the first to
// arrive at or after the crash, and the k-th failure is declared p after its probe left. So
//   detection − T = ψ + (k − 1)·i + p − ℓ,   ψ ~ U[0, i),
// uniform on [(k − 1)·i + p − ℓ, k·i + p − ℓ): mean (k − ½)·i + p − ℓ, variance i²/12.
// The textbook window ((k − 1)·i, k·i] + p is this with ℓ = 0 (the probe's trip to the node).
// Derivation: test/validation/README.md.
import { RngStreams } from "../../../sim/engine/index.ts";
import { at, crash, defineScenario, type Scenario } from "../../../sim/scenario/index.ts";
import { bounds, estimate, sigmasBySize, type Check, type ValidationCase } from "../check.ts";
import { fixedLatencyUs, resolved, seconds, simulate, us } from "../kit.ts";
import { summarize, varianceSe } from "../stats.ts";

const sizes = { short: { runs: 300 }, full: { runs: 10_000 } } as const;

function scenario(seed: number): Scenario {
  // Crash uniform over [30 s, 90 s): a whole number of probe intervals, so its phase is uniform.
  const crashUs = new RngStreams(seed)
    .stream("validation:consecutive-detection")
    .uniform(30e6, 90e6);
  return defineScenario({
    name: "validation-consecutive-detection",
    summary: "Detection time of a consecutive-failures detector after a crash at a random time.",
    duration: "130s",
    nodes: { db1: { role: "primary" }, mon: { role: "monitor" } },
    network: { latency: "1ms", jitter: "0ms", loss: 0 },
    detector: { kind: "consecutive" },
    // Study the detector alone.
    failover: { automatic: false },
    faults: [at(us(crashUs), crash("db1"))],
  });
}

export const consecutiveDetection: ValidationCase = {
  id: "consecutive-detection",
  run(size, { overrides }): Check[] {
    const { runs } = sizes[size];
    const world = resolved(scenario(1));
    if (world.detector.kind !== "consecutive")
      throw new Error("validation assumes a consecutive detector");
    const { intervalUs, failures, probeTimeoutUs } = world.detector;
    const latencyS = seconds(fixedLatencyUs(world));
    const intervalS = seconds(intervalUs);
    const probeS = seconds(probeTimeoutUs);
    if (!(probeS > 2 * latencyS && probeS < intervalS))
      throw new Error("validation assumes 2ℓ < probe timeout < interval");
    const lower = (failures - 1) * intervalS + probeS - latencyS;
    const upper = failures * intervalS + probeS - latencyS;
    const detections: number[] = [];
    for (let seed = 1; seed <= runs; seed++)
      detections.push(simulate(scenario(seed), seed, overrides).metrics.detection_s!);
    const sample = summarize(detections);
    const model = `consecutive detector i = ${intervalS} s, k = ${failures}, probe timeout p = ${probeS} s, ℓ = ${latencyS * 1e3} ms; crash uniform`;
    const variance = intervalS ** 2 / 12;
    const sigmas = sigmasBySize[size];
    const common = { caseName: "4 consecutive detection", model, sample: `${runs} crashes` };
    return [
      estimate({
        ...common,
        quantity: "mean detection (s)",
        closedForm: "(k − ½)·i + p − ℓ",
        expected: (lower + upper) / 2,
        simulated: sample.mean,
        se: Math.sqrt(variance / runs),
        seSource: "theory",
        sigmas,
      }),
      estimate({
        ...common,
        quantity: "variance (s²)",
        closedForm: "i²/12",
        expected: variance,
        simulated: sample.variance,
        // Uniform: fourth central moment i⁴/80.
        se: varianceSe(intervalS ** 4 / 80, variance ** 2, runs),
        seSource: "theory",
        sigmas,
      }),
      bounds({
        ...common,
        quantity: "range (s)",
        closedForm: "[(k−1)·i + p − ℓ, k·i + p − ℓ)",
        lower,
        upper,
        min: sample.min,
        max: sample.max,
      }),
    ];
  },
};
