// Case 3 — acknowledged writes lost under asynchronous replication. Writes reach the primary as a
// Poisson process of rate w and are acknowledged at commit; the primary ships on ticks W apart
// (`replication.shipWindow`), each entry with the first tick at least a fixed L
// (`replication.lag`) after its commit; it crashes at a time T independent of the writes, and the
// standby is promoted. Entries shipped before the crash arrive (messages in flight are
// delivered; so are acknowledgements in flight), so the writes lost are exactly those committed
// in (T − L − φ, T), φ = T − (the last tick at or before T), uniform on [0, W): given φ, Poisson
// with mean w·(L + φ) — a mixed Poisson, mean w·(L + W/2), variance w·(L + W/2) + (w·W)²/12.
// With W = 0 it is Poisson(w·L). Derivation: test/validation/README.md.
//
// The model has one fixed lag for every entry: an exponential (per-write random) replication
// delay cannot be configured, so only the fixed-delay form is checked.
import { RngStreams } from "../../../sim/engine/index.ts";
import { at, crash, defineScenario, type Scenario } from "../../../sim/scenario/index.ts";
import { estimate, sigmasBySize, type Check, type ValidationCase } from "../check.ts";
import { assumePlainClients, fixedLatencyUs, resolved, seconds, simulate, us } from "../kit.ts";
import { summarize, varianceSe } from "../stats.ts";

const sizes = { short: { runs: 200 }, full: { runs: 10_000 } } as const;

function scenario(seed: number): Scenario {
  const crashUs = new RngStreams(seed).stream("validation:async-lost-writes").uniform(2e6, 3e6);
  return defineScenario({
    name: "validation-async-lost-writes",
    summary: "A primary crash under asynchronous replication with a fixed shipping lag.",
    duration: "5s",
    nodes: {
      db1: { role: "primary" },
      db2: { role: "standby", readiness: "hot" },
      mon: { role: "monitor" },
    },
    network: { latency: "1ms", jitter: "0ms", loss: 0 },
    replication: { mode: "async", lag: "100ms" },
    // Fast enough that the standby is promoted well within the run (the lost writes are counted
    // against the newest promoted primary's log).
    detector: { kind: "timeout", interval: "100ms", timeout: "500ms" },
    clients: { writes: "100/s", arrivals: "poisson" },
    faults: [at(us(crashUs), crash("db1"))],
  });
}

export const asyncLostWrites: ValidationCase = {
  id: "async-lost-writes",
  run(size, { overrides }): Check[] {
    const { runs } = sizes[size];
    const world = resolved(scenario(1));
    assumePlainClients(world);
    fixedLatencyUs(world);
    const rate = world.clients[0].writesPerSecond;
    const lagS = seconds(world.replication.lagUs);
    const windowS = seconds(world.replication.shipWindowUs);
    const lost = lostWrites(rate, lagS, windowS);
    const counts: number[] = [];
    for (let seed = 1; seed <= runs; seed++) {
      const { metrics } = simulate(scenario(seed), seed, overrides);
      if (metrics.failovers !== 1)
        throw new Error(
          `validation assumption violated: seed ${seed} should fail over once, got ${metrics.failovers}`,
        );
      counts.push(metrics.lost_writes!);
    }
    const sample = summarize(counts);
    const model = `Poisson writes w = ${rate}/s, fixed lag L = ${lagS * 1e3} ms, ship window W = ${windowS * 1e3} ms, async, crash at U[2 s, 3 s)`;
    const sigmas = sigmasBySize[size];
    return [
      estimate({
        caseName: "3 async lost writes",
        quantity: "mean lost writes",
        model,
        closedForm: "mixed Poisson(w·(L + φ)), φ ~ U[0, W): mean w·(L + W/2)",
        sample: `${runs} crashes`,
        expected: lost.mean,
        simulated: sample.mean,
        se: Math.sqrt(lost.variance / runs),
        seSource: "theory",
        sigmas,
      }),
      estimate({
        caseName: "3 async lost writes",
        quantity: "variance of lost writes",
        model,
        closedForm: "mixed Poisson: variance w·(L + W/2) + (w·W)²/12",
        sample: `${runs} crashes`,
        expected: lost.variance,
        simulated: sample.variance,
        se: varianceSe(lost.mu4, lost.variance ** 2, runs),
        seSource: "theory",
        sigmas,
      }),
    ];
  },
};

/** Lost writes, Poisson with mean w·(L + φ) given φ ~ U[0, W): mean, variance and fourth central
 *  moment (the last by the midpoint rule over φ, from a Poisson(λ)'s central moments λ, λ and
 *  λ + 3λ² shifted by d = λ − mean). W = 0: Poisson(w·L). */
export function lostWrites(rate: number, lagS: number, windowS: number) {
  const mean = rate * (lagS + windowS / 2);
  const variance = mean + (rate * windowS) ** 2 / 12;
  const steps = windowS > 0 ? 2000 : 1;
  let mu4 = 0;
  for (let i = 0; i < steps; i++) {
    const lambda = rate * (lagS + (windowS * (i + 0.5)) / steps);
    const d = lambda - mean;
    mu4 += (lambda + 3 * lambda ** 2 + 4 * d * lambda + 6 * d ** 2 * lambda + d ** 4) / steps;
  }
  return { mean, variance, mu4 };
}
