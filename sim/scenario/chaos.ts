// Random faults: a scenario's `chaos: chaos({ crash: { mtbf, mttr }, blip: { every, for }, … })`
// turns into a concrete schedule drawn from the run's seed and added to its `faults`, so the same
// seed always gives the same faults (and they show in events.csv like any other). An entry's
// `nodes` may name nodes, zones (each node placed there) and roles ("primary", "standby",
// "monitor", "witness", "server"): a role is one target, struck at whichever node holds it when
// the fault comes (model/aim.ts). Assumptions:
// - crash: each target alternates up times ~ Exp(mtbf) and repair times ~ Exp(mttr) (crash,
//   then restart of the node it struck) — the alternating renewal process behind
//   MTTR / (MTBF + MTTR);
// - blip and pause: arrivals form a Poisson process with mean gap `every`; each picks one of the
//   targets uniformly and lasts a uniform draw from `for` ("2s..20s", or a fixed "5s"); a blip
//   cuts that node from everything else. Events that would not end within the run are dropped.
// Every kind (and every target, for crashes) draws from its own named stream, so adding a node or
// a kind leaves the other draws unchanged.
import type { AimRole, Fault, ScheduledFault } from "../model/index.ts";
import { RngStreams } from "../engine/index.ts";
import type { Duration } from "../dsl/index.ts";

/** Nodes, zones (each node placed there) or roles ("primary", "standby", "monitor", "witness",
 *  "server": whichever node holds it when the fault comes). Default: every database node and
 *  pool server. */
type ChaosTargets = string[];

export interface ChaosSpec {
  kind?: "chaos";
  crash?: { mtbf: Duration; mttr: Duration; nodes?: ChaosTargets };
  blip?: { every: Duration; for: Duration | `${Duration}..${Duration}`; nodes?: ChaosTargets };
  pause?: { every: Duration; for: Duration | `${Duration}..${Duration}`; nodes?: ChaosTargets };
}

/** Random faults drawn from the scenario's seed: `chaos: chaos({ crash: { mtbf: "720h", mttr: "2h" } })`. */
export function chaos(spec: Omit<ChaosSpec, "kind">): ChaosSpec {
  return { kind: "chaos", ...spec };
}

/** A node named (or placed in a zone named), or a role struck where it is when the fault comes. */
export type ChaosTarget = { node: string } | { role: AimRole };

/** The resolved form: durations in µs, targets filled in. */
export interface ChaosPlan {
  crash?: { mtbfUs: number; mttrUs: number; targets: ChaosTarget[] };
  blip?: { everyUs: number; minUs: number; maxUs: number; targets: ChaosTarget[] };
  pause?: { everyUs: number; minUs: number; maxUs: number; targets: ChaosTarget[] };
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
    for (const target of plan.crash.targets) {
      const name = "node" in target ? target.node : `role:${target.role}`;
      const rng = streams.stream(`chaos:crash:${name}`);
      const { mtbfUs, mttrUs } = plan.crash;
      for (let tUs = 0; ;) {
        tUs += Math.max(1, Math.round(rng.exponential(mtbfUs)));
        if (tUs >= durationUs) break;
        faults.push(struck(target, "crash", tUs, { kind: "crash", node: name }, false));
        tUs += Math.max(1, Math.round(rng.exponential(mttrUs)));
        if (tUs >= durationUs) break;
        faults.push(struck(target, "crash", tUs, { kind: "restart", node: name }, true));
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
      const target = episodes.targets[rng.int(episodes.targets.length)];
      const lengthUs = Math.max(1, Math.round(rng.uniform(episodes.minUs, episodes.maxUs)));
      if (tUs + lengthUs >= durationUs) continue;
      const node = "node" in target ? target.node : target.role;
      const fault: Fault =
        kind === "blip"
          ? {
              kind: "blip",
              groups: [[node], endpoints.filter((name) => name !== node)],
              durationUs: lengthUs,
            }
          : { kind: "pause", node, durationUs: lengthUs };
      faults.push(struck(target, kind, tUs, fault, false));
    }
  }
  return faults;
}

/** A drawn fault: as it is for a node; aimed at its role for a role (its names placeholders). */
function struck(
  target: ChaosTarget,
  kind: string,
  atUs: number,
  fault: Fault,
  again: boolean,
): ScheduledFault {
  if ("node" in target) return { atUs, fault };
  return { atUs, fault, aim: { role: target.role, slot: `${kind}:${target.role}`, again } };
}
