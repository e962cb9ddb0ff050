// Case 3 — acknowledged writes lost under asynchronous replication. Writes reach the primary as a
// Poisson process of rate w and are acknowledged at commit; the primary ships each entry a fixed
// L (`replication.lag`) after its commit; it crashes at a time independent of the writes, and the
// standby is promoted. Entries shipped before the crash arrive (messages in flight are
// delivered; so are acknowledgements in flight), so the writes lost are exactly those committed
// in [T − L, T): Poisson with mean and variance w·L. Derivation: test/validation/README.md.
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
    const lambda = rate * lagS;
    const lost: number[] = [];
    for (let seed = 1; seed <= runs; seed++) {
      const { metrics } = simulate(scenario(seed), seed, overrides);
      if (metrics.failovers !== 1)
        throw new Error(
          `validation assumption violated: seed ${seed} should fail over once, got ${metrics.failovers}`,
        );
      lost.push(metrics.lost_writes!);
    }
    const sample = summarize(lost);
    const model = `Poisson writes w = ${rate}/s, fixed lag L = ${lagS * 1e3} ms, async, crash at U[2 s, 3 s)`;
    const sigmas = sigmasBySize[size];
    return [
      estimate({
        caseName: "3 async lost writes",
        quantity: "mean lost writes",
        model,
        closedForm: "Poisson(w·L): mean w·L",
        sample: `${runs} crashes`,
        expected: lambda,
        simulated: sample.mean,
        se: Math.sqrt(lambda / runs),
        seSource: "theory",
        sigmas,
      }),
      estimate({
        caseName: "3 async lost writes",
        quantity: "variance of lost writes",
        model,
        closedForm: "Poisson(w·L): variance w·L",
        sample: `${runs} crashes`,
        expected: lambda,
        simulated: sample.variance,
        // Poisson: fourth central moment λ + 3λ².
        se: varianceSe(lambda + 3 * lambda ** 2, lambda ** 2, runs),
        seSource: "theory",
        sigmas,
      }),
    ];
  },
};
