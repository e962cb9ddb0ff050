// Random faults: a scenario's `chaos: chaos({ crash: { mtbf, mttr }, blip: { every, for }, … })`
// turns into a concrete schedule drawn from the run's seed and added to its `faults`, so the same
// seed always gives the same faults (and they show in events.csv like any other). Assumptions:
// - crash: each chosen node alternates up times ~ Exp(mtbf) and repair times ~ Exp(mttr)
//   (crash, then restart) — the alternating renewal process behind MTTR / (MTBF + MTTR);
// - blip and pause: arrivals form a Poisson process with mean gap `every`; each picks one of the
//   chosen nodes uniformly and lasts a uniform draw from `for` ("2s..20s", or a fixed "5s"); a
//   blip cuts that node from everything else. Events that would not end within the run are dropped.
// Every kind (and every node, for crashes) draws from its own named stream, so adding a node or a
// kind leaves the other draws unchanged.
import type { Fault, ScheduledFault } from "../model/index.ts";
import { RngStreams } from "../engine/index.ts";
import type { Duration } from "../dsl/index.ts";

export interface ChaosSpec {
  kind?: "chaos";
  crash?: { mtbf: Duration; mttr: Duration; nodes?: string[] };
  blip?: { every: Duration; for: Duration | `${Duration}..${Duration}`; nodes?: string[] };
  pause?: { every: Duration; for: Duration | `${Duration}..${Duration}`; nodes?: string[] };
}

/** Random faults drawn from the scenario's seed: `chaos: chaos({ crash: { mtbf: "720h", mttr: "2h" } })`. */
export function chaos(spec: Omit<ChaosSpec, "kind">): ChaosSpec {
  return { kind: "chaos", ...spec };
}

/** The resolved form: durations in µs, node lists filled in. */
export interface ChaosPlan {
  crash?: { mtbfUs: number; mttrUs: number; nodes: string[] };
  blip?: { everyUs: number; minUs: number; maxUs: number; nodes: string[] };
  pause?: { everyUs: number; minUs: number; maxUs: number; nodes: string[] };
}

/** Draws the schedule. `endpoints` are every node and client group (a blip cuts a node from all of them). */
export function drawChaos(
  plan: ChaosPlan,
  seed: number,
  durationUs: number,
  endpoints: readonly string[],
): ScheduledFault[] {
  const streams = new RngStreams(seed);
  const faults: ScheduledFault[] = [];
  if (plan.crash) {
    for (const node of plan.crash.nodes) {
      const rng = streams.stream(`chaos:crash:${node}`);
      for (let tUs = 0; ;) {
        tUs += Math.max(1, Math.round(rng.exponential(plan.crash.mtbfUs)));
        if (tUs >= durationUs) break;
        faults.push({ atUs: tUs, fault: { kind: "crash", node } });
        tUs += Math.max(1, Math.round(rng.exponential(plan.crash.mttrUs)));
        if (tUs >= durationUs) break;
        faults.push({ atUs: tUs, fault: { kind: "restart", node } });
      }
    }
  }
  for (const kind of ["blip", "pause"] as const) {
    const episodes = plan[kind];
    if (!episodes) continue;
    const rng = streams.stream(`chaos:${kind}`);
    for (let tUs = 0; ;) {
      tUs += Math.max(1, Math.round(rng.exponential(episodes.everyUs)));
      if (tUs >= durationUs) break;
      const node = episodes.nodes[rng.int(episodes.nodes.length)];
      const lengthUs = Math.max(1, Math.round(rng.uniform(episodes.minUs, episodes.maxUs)));
      if (tUs + lengthUs >= durationUs) continue;
      const fault: Fault =
        kind === "blip"
          ? {
              kind: "blip",
              groups: [[node], endpoints.filter((name) => name !== node)],
              durationUs: lengthUs,
            }
          : { kind: "pause", node, durationUs: lengthUs };
      faults.push({ atUs: tUs, fault });
    }
  }
  return faults;
}
