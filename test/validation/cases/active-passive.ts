// Case 2 — an active-passive pair with perfect detection and a switch-over time S, for hot, warm
// and cold standbys. The serving primary fails at rate 1/MTBF once the previous failure is a
// fixed G behind it (by then the switch-over is over and a standby is ready again, so "the
// standby is always ready" holds by construction); each failure costs the switch-over S. Renewal
// argument, stationary start and finite-window term: test/validation/README.md.
//
//   unavailability over [0, T] = (E[S] − E[M1] / T) / (G + MTBF)
//
// S is the client-observed down time of one failover: fully down for
//   S_full = τ + 5ℓ − φ + catch-up + promoteIn (+ bootIn + restoreIn for cold), φ ~ U(0, i],
// then down with probability 1 − warmUpCapacity for the warm-up (its last 3ℓ are never seen:
// writes issued then reach the new primary after it). M1 = ∫ t·down(t) dt is the first moment
// of that profile; E[M1]/T corrects for the run starting with a healthy primary.
//
// Hot and warm are a pair that alternates roles: the failed node restarts after `repairS`,
// rejoins and follows the new primary (failback never), and is the standby for the next failure;
// a warm pair gives the primary node the warm settings too, so both directions cost the same.
// Cold cannot alternate in the model (a restarted node always rejoins as a running standby,
// never as a switched-off one), so a failed cold primary is replaced, not repaired: a pool of
// identical cold standbys, promoted in declaration order.
import { RngStreams } from "../../../sim/engine/index.ts";
import type { NodeConfig, WorldConfig } from "../../../sim/model/index.ts";
import {
  at,
  crash,
  defaults,
  defineScenario,
  restart,
  type NodeSpec,
  type Readiness,
  type Scenario,
  type ScheduledFaultSpec,
} from "../../../sim/scenario/index.ts";
import { assumption, estimate, sigmasBySize, type Check, type ValidationCase } from "../check.ts";
import { assumePlainClients, fixedLatencyUs, resolved, seconds, simulate, us } from "../kit.ts";
import { summarize } from "../stats.ts";

const mtbfS = 300;
const repairS = 5;
const writesPerS = 2;
/** G: a newly promoted primary does not fail until this long after the previous failure — more
 *  than the whole switch-over including the warm-up, and the repair plus rejoin of the other node. */
const spacingS: Record<Readiness, number> = { hot: 10, warm: 60, cold: 450 };
const sizes: Record<Readiness, Record<"short" | "full", { runs: number; durationS: number }>> = {
  hot: { short: { runs: 3, durationS: 14_400 }, full: { runs: 100, durationS: 14_400 } },
  warm: { short: { runs: 3, durationS: 14_400 }, full: { runs: 100, durationS: 14_400 } },
  cold: { short: { runs: 6, durationS: 3_600 }, full: { runs: 240, durationS: 3_600 } },
};

/** Crash times: the first from the equilibrium distribution of the cycle G + Exp(MTBF) (so the
 *  failures form a stationary renewal process on [0, T]), then every G + Exp(MTBF). */
function crashTimesUs(seed: number, readiness: Readiness, durationUs: number): number[] {
  const rng = new RngStreams(seed).stream(`validation:active-passive:${readiness}`);
  const gapUs = spacingS[readiness] * 1e6;
  const mtbfUs = mtbfS * 1e6;
  let tUs = rng.chance(gapUs / (gapUs + mtbfUs))
    ? rng.uniform(0, gapUs)
    : gapUs + rng.exponential(mtbfUs);
  const times: number[] = [];
  while (Math.round(tUs) < durationUs) {
    times.push(Math.round(tUs));
    tUs += gapUs + rng.exponential(mtbfUs);
  }
  return times;
}

/** Which node each crash hits, in order: the pair alternates, the pool moves down the list. */
function serving(readiness: Readiness, index: number): string {
  if (readiness === "cold") return index === 0 ? "db1" : `c${index}`;
  return index % 2 === 0 ? "db1" : "db2";
}

function build(
  seed: number,
  readiness: Readiness,
  durationS: number,
): { scenario: Scenario; crashes: number[] } {
  const crashes = crashTimesUs(seed, readiness, durationS * 1e6);
  const faults: ScheduledFaultSpec[] = [];
  const nodes: Record<string, NodeSpec> = {};
  if (readiness === "cold") {
    nodes.db1 = { role: "primary" };
    // Replay after the restore is made instant: otherwise it grows with the log written since the
    // daily base backup, i.e. with the time into the run.
    for (let i = 1; i <= crashes.length; i++)
      nodes[`c${i}`] = { role: "standby", readiness: "cold", applyRate: "unlimited" };
    crashes.forEach((tUs, i) => faults.push(at(us(tUs), crash(serving(readiness, i)))));
  } else {
    const warm = defaults.readiness.warm;
    nodes.db1 =
      readiness === "warm"
        ? {
            role: "primary",
            applyRate: warm.applyRate,
            applyEvery: warm.applyEvery,
            warmUp: warm.warmUp,
            warmUpCapacity: warm.warmUpCapacity,
            promoteIn: warm.promoteIn,
          }
        : { role: "primary" };
    nodes.db2 = { role: "standby", readiness };
    crashes.forEach((tUs, i) => {
      const node = serving(readiness, i);
      faults.push(at(us(tUs), crash(node)));
      if (tUs + repairS * 1e6 < durationS * 1e6)
        faults.push(at(us(tUs + repairS * 1e6), restart(node)));
    });
  }
  nodes.mon = { role: "monitor" };
  const built = defineScenario({
    name: `validation-active-passive-${readiness}`,
    summary: `Failures of the serving primary with a ${readiness} standby always ready.`,
    duration: us(durationS * 1e6),
    nodes,
    network: { latency: "1ms", jitter: "0ms", loss: 0 },
    replication: { mode: "async" },
    detector: { kind: "timeout", interval: "1s", timeout: "3s" },
    failover: { automatic: true, failback: "never", fencing: "none", blockFor: "0s" },
    clients: { writes: `${writesPerS}/s`, arrivals: "poisson" },
    faults,
  });
  return { scenario: built, crashes };
}

/** The switch-over of a promotion of `standby`, from the resolved configuration. */
function switchOver(world: WorldConfig, standby: NodeConfig) {
  assumption(world.detector.kind === "timeout", "a timeout detector");
  const { intervalUs, timeoutUs } = world.detector as { intervalUs: number; timeoutUs: number };
  const latencyS = seconds(fixedLatencyUs(world));
  const intervalS = seconds(intervalUs);
  const timeoutS = seconds(timeoutUs);
  assumption(timeoutS > intervalS, "a timeout longer than the probe interval");
  // Warm: the backlog since the last batch tick, applied at applyRate. Ticks are every applyEvery;
  // with x ~ U[0, applyEvery) the time since the last tick at the promote command and y the
  // detection delay, about writesPerS·(x − y)⁺ entries wait: E = (applyEvery − y)²/(2·applyEvery).
  let catchUpS = 0;
  if (standby.applyEveryUs > 0 && standby.applyRatePerS !== Infinity) {
    const everyS = seconds(standby.applyEveryUs);
    const y = timeoutS + latencyS - intervalS / 2;
    catchUpS = (writesPerS * (everyS - y) ** 2) / (2 * everyS) / standby.applyRatePerS;
  }
  const coldS = standby.readiness === "cold" ? seconds(standby.bootInUs + standby.restoreInUs) : 0;
  const meanFullS =
    timeoutS + 5 * latencyS - intervalS / 2 + catchUpS + seconds(standby.promoteInUs) + coldS;
  const varFullS = intervalS ** 2 / 12;
  const warmUpS =
    standby.warmUpCapacity < 1 ? Math.max(0, seconds(standby.warmUpUs) - 3 * latencyS) : 0;
  const partial = 1 - standby.warmUpCapacity;
  const meanS = meanFullS + partial * warmUpS;
  // M1 = S_full²/2 + partial·((S_full + W)² − S_full²)/2, averaged over φ.
  const meanSquare = varFullS + meanFullS ** 2;
  const moment1 = meanSquare / 2 + (partial * (2 * meanFullS * warmUpS + warmUpS ** 2)) / 2;
  return { meanS, meanFullS, catchUpS, warmUpS, partial, moment1, timeoutS, intervalS, latencyS };
}

function runReadiness(
  readiness: Readiness,
  size: "short" | "full",
  overrides: readonly string[],
): Check {
  const { runs, durationS } = sizes[readiness][size];
  const reference = resolved(build(1, readiness, durationS).scenario);
  assumePlainClients(reference);
  const standby = reference.nodes.find((node) => node.role === "standby")!;
  const s = switchOver(reference, standby);
  const gapS = spacingS[readiness];
  const expected = (s.meanS - s.moment1 / durationS) / (gapS + mtbfS);
  assumption(
    s.meanFullS + s.warmUpS < gapS && repairS + 3 * s.intervalS < gapS,
    `G = ${gapS} s covers the switch-over and the repair`,
  );

  const fractions: number[] = [];
  let crashes = 0;
  for (let seed = 1; seed <= runs; seed++) {
    const run = build(seed, readiness, durationS);
    const result = simulate(run.scenario, seed, overrides, "changes");
    const count = run.crashes.length;
    crashes += count;
    // Every crash early enough to finish its switch-over within the run must have promoted.
    const settled = run.crashes.filter((tUs) => tUs + gapS * 1e6 < durationS * 1e6).length;
    // The premise of the derivation: each crash hit the serving primary and the next node took over.
    const promoted = result.events.flatMap((event) =>
      event.kind === "promoted" ? [event.node] : [],
    );
    const expectedOrder = Array.from({ length: count }, (_, i) => serving(readiness, i + 1));
    assumption(
      promoted.length >= settled && promoted.every((node, i) => node === expectedOrder[i]),
      `${readiness} seed ${seed}: promotions ${promoted.join(",")} should follow ${expectedOrder.join(",")}`,
    );
    fractions.push(result.metrics.downtime_s! / durationS);
  }
  const sample = summarize(fractions);
  const stages =
    readiness === "cold"
      ? `S = τ+5ℓ−φ+boot+restore+promote + (1−c)·W`
      : readiness === "warm"
        ? `S = τ+5ℓ−φ+catch-up+promote + (1−c)·W`
        : `S = τ+5ℓ−φ+promote`;
  return estimate({
    caseName: `2 active-passive (${readiness})`,
    quantity: "unavailability",
    model: `${readiness === "cold" ? "pool of cold standbys, failed primary replaced" : "pair alternating roles, repair " + repairS + " s, failback never"}; MTBF ${mtbfS} s after G = ${gapS} s; E[S] = ${s.meanS.toFixed(3)} s (${stages})`,
    closedForm: "(E[S] − E[M1]/T) / (G + MTBF)",
    sample: `${runs} runs × ${durationS} s, ${crashes} failures`,
    expected,
    simulated: sample.mean,
    se: sample.meanSe,
    seSource: "sample",
    sigmas: sigmasBySize[size],
  });
}

export const activePassive: ValidationCase = {
  id: "active-passive",
  run(size, { overrides }): Check[] {
    return (["hot", "warm", "cold"] as const).map((readiness) =>
      runReadiness(readiness, size, overrides),
    );
  },
};
