// Case 1 — availability of one node. A lone primary fails after Exp(MTBF) of uptime and is
// repaired (restarted) after Exp(MTTR); there is no standby, so every failure is down time until
// the repair — plus the model's rejoin: a restarted node takes writes only once the controller,
// hearing its next probe answer, tells it to resume. Derivation: test/validation/README.md.
//
// Closed form (alternating renewal, cycle = repair R + uptime U, down = R + min(D, U)):
//   unavailability = (MTTR + E[min(D, U)]) / (MTBF + MTTR),
//   E[min(D, U)] = MTBF · (1 − E[e^(−D/MTBF)]),  D = V + 2ℓ, V ~ U[0, i),
//   E[e^(−D/MTBF)] = e^(−2ℓ/MTBF) · (MTBF/i) · (1 − e^(−i/MTBF)).
// The textbook MTTR / (MTBF + MTTR) is the limit i, ℓ → 0.
import { RngStreams } from "../../../sim/engine/index.ts";
import type { WorldConfig } from "../../../sim/model/index.ts";
import {
  at,
  crash,
  defineScenario,
  restart,
  type Scenario,
  type ScheduledFaultSpec,
} from "../../../sim/scenario/index.ts";
import { estimate, sigmasBySize, type Check, type ValidationCase } from "../check.ts";
import { assumePlainClients, fixedLatencyUs, resolved, seconds, simulate, us } from "../kit.ts";
import { summarize } from "../stats.ts";

const mtbfS = 60;
const mttrS = 15;
const sizes = {
  short: { runs: 40, durationS: 1_200 },
  full: { runs: 400, durationS: 4_800 },
} as const;

/** Crash/restart times of one run, from the run's own stream. The run starts in the stationary
 *  state of the up/down process: down with probability MTTR/(MTBF + MTTR) (a crash at t = 0), and
 *  by memorylessness the remaining time of either state is again exponential. */
function faultsFor(seed: number, durationUs: number): ScheduledFaultSpec[] {
  const rng = new RngStreams(seed).stream("validation:single-node");
  const faults: ScheduledFaultSpec[] = [];
  let down = rng.chance(mttrS / (mtbfS + mttrS));
  if (down) faults.push(at("0us", crash("db1")));
  let tUs = 0;
  for (;;) {
    tUs += Math.max(1, Math.round(rng.exponential((down ? mttrS : mtbfS) * 1e6)));
    if (tUs >= durationUs) return faults;
    faults.push(at(us(tUs), down ? restart("db1") : crash("db1")));
    down = !down;
  }
}

function scenario(seed: number, durationS: number): Scenario {
  return defineScenario({
    name: "validation-single-node",
    summary: "One node failing and being repaired at exponential times.",
    duration: us(durationS * 1e6),
    nodes: { db1: { role: "primary" }, mon: { role: "monitor" } },
    network: { latency: "1ms", jitter: "0ms", loss: 0 },
    detector: { kind: "timeout", interval: "1s", timeout: "3s" },
    clients: { writes: "2/s", arrivals: "poisson" },
    faults: faultsFor(seed, durationS * 1e6),
  });
}

function expectedUnavailability(world: WorldConfig) {
  const latencyS = seconds(fixedLatencyUs(world));
  const intervalS = seconds(world.detector.intervalUs);
  const laplace =
    Math.exp((-2 * latencyS) / mtbfS) * (mtbfS / intervalS) * -Math.expm1(-intervalS / mtbfS);
  const rejoinS = mtbfS * (1 - laplace);
  return {
    value: (mttrS + rejoinS) / (mtbfS + mttrS),
    textbook: mttrS / (mtbfS + mttrS),
    rejoinS,
    intervalS,
    latencyS,
  };
}

export const singleNode: ValidationCase = {
  id: "single-node",
  run(size, { overrides }): Check[] {
    const { runs, durationS } = sizes[size];
    const world = resolved(scenario(0, durationS));
    assumePlainClients(world);
    const closed = expectedUnavailability(world);
    const fractions: number[] = [];
    for (let seed = 1; seed <= runs; seed++) {
      const { metrics } = simulate(scenario(seed, durationS), seed, overrides);
      fractions.push(metrics.downtime_s! / durationS);
    }
    const sample = summarize(fractions);
    return [
      estimate({
        caseName: "1 single node",
        quantity: "unavailability",
        model: `Exp up (MTBF ${mtbfS} s), Exp repair (MTTR ${mttrS} s), rejoin at next probe (i = ${closed.intervalS} s, ℓ = ${closed.latencyS * 1e3} ms); textbook MTTR/(MTBF+MTTR) = ${closed.textbook.toFixed(5)}`,
        closedForm: "(MTTR + E[min(D,U)]) / (MTBF + MTTR), D = U[0,i) + 2ℓ",
        sample: `${runs} runs × ${durationS} s`,
        expected: closed.value,
        simulated: sample.mean,
        se: sample.meanSe,
        seSource: "sample",
        sigmas: sigmasBySize[size],
      }),
    ];
  },
};
