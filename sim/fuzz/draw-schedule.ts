// Draws a random fault schedule from one named random stream: 1 to `maxEpisodes` episodes, each a
// kind chosen uniformly among those offered (`sim fuzz` offers the classic eight below; the swarm
// every kind, episodeKinds), a length uniform in [1 s, min(60 s, half the fault window)] and a
// start uniform in the window such that it ends inside it; times are rounded to whole
// milliseconds so they read well. Targets are the scenario's own names:
// - crash, pause: any node (monitors too); clock skew: a database node (a rate in [0.5, 2] or a
//   jump of ±1..60 s);
// - partition, blip, one-way: a random split into two non-empty sides — of the zones (when there
//   are two or more, half the time) or of the nodes and client groups;
// - isolate: a node, a client group or (with two zones or more) a zone;
// - loss: a node's or a client group's links, with a probability in [0.1, 1];
// - delay: a node's or client group's links, 50 ms to 2 s more; flaky: down and up 0.5 s to 5 s;
// - slow: a database node handling writes 50 ms to 2 s late; read-only: a database node;
// - zone outage: a zone.
// A kind the cluster cannot take is not offered: clock skew, slow and read-only need a database
// node (a pool of servers has none), a zone outage two zones.
// Every draw comes from `rng` in a fixed order, so the same stream gives the same schedule.
import type { Rng } from "../engine/index.ts";
import type { Episode, EpisodeFault, EpisodeKind } from "./episode.ts";
import { endpointsOf, type FaultSpace } from "./fault-space.ts";
import { fuzzDefaults } from "./fuzz-defaults.ts";

/** What `sim fuzz <scenario>` draws: kept as it was, so a fuzz seed finds what it always found. */
export const classicEpisodeKinds: readonly EpisodeKind[] = ["crash", "pause", "partition", "blip", "isolate", "one-way", "loss", "clock-skew"];

/** Every episode kind, in a fixed order (a Record, so a new kind cannot be left out). */
const everyKind: Record<EpisodeKind, true> = {
  crash: true,
  pause: true,
  partition: true,
  blip: true,
  isolate: true,
  "one-way": true,
  loss: true,
  "clock-skew": true,
  delay: true,
  flaky: true,
  slow: true,
  "read-only": true,
  "zone-outage": true,
};
export const episodeKinds = Object.keys(everyKind) as EpisodeKind[];

const msUs = 1000;

export function drawSchedule(rng: Rng, space: FaultSpace, maxEpisodes: number, kinds: readonly EpisodeKind[] = classicEpisodeKinds): Episode[] {
  const count = 1 + rng.int(maxEpisodes);
  const offered = kinds.filter((kind) => offers(space, kind));
  return Array.from({ length: count }, () => drawEpisode(rng, space, offered));
}

/** Whether the cluster has what an episode of this kind acts on. */
export function offers(space: FaultSpace, kind: EpisodeKind): boolean {
  if (kind === "clock-skew" || kind === "slow" || kind === "read-only") return space.dataNodes.length > 0;
  if (kind === "zone-outage") return space.zones.length > 1;
  return true;
}

function drawEpisode(rng: Rng, space: FaultSpace, kinds: readonly EpisodeKind[]): Episode {
  const { windowStartUs, windowEndUs } = space;
  const windowUs = windowEndUs - windowStartUs;
  const maxLengthUs = Math.min(fuzzDefaults.maxEpisodeUs, Math.floor(windowUs / 2));
  const minLengthUs = Math.min(fuzzDefaults.minEpisodeUs, maxLengthUs);
  const kind = kinds[rng.int(kinds.length)];
  const lengthUs = roundMs(rng.uniform(minLengthUs, maxLengthUs));
  const startUs = Math.min(roundMs(rng.uniform(windowStartUs, windowEndUs - lengthUs)), windowEndUs - lengthUs);
  return { fault: drawFault(rng, kind, space), startUs, lengthUs, repaired: true };
}

function drawFault(rng: Rng, kind: EpisodeKind, space: FaultSpace): EpisodeFault {
  switch (kind) {
    case "crash":
    case "pause":
      return { kind, node: pick(rng, space.nodes) };
    case "partition":
    case "blip":
      return { kind, groups: drawSplit(rng, space) };
    case "one-way": {
      const [from, to] = drawSplit(rng, space);
      return { kind, from, to };
    }
    case "isolate":
      return { kind, target: pick(rng, [...endpointsOf(space), ...(space.zones.length > 1 ? space.zones : [])]) };
    case "loss":
      return { kind, target: pick(rng, endpointsOf(space)), probability: Math.round(rng.uniform(10, 100)) / 100 };
    case "clock-skew": {
      const node = pick(rng, space.dataNodes);
      if (rng.chance(0.5)) return { kind, node, rate: Math.round(rng.uniform(50, 200)) / 100, jumpUs: 0 };
      const jumpUs = (1 + rng.int(60)) * 1_000_000 * (rng.chance(0.5) ? -1 : 1);
      return { kind, node, rate: 1, jumpUs };
    }
    case "delay":
      return { kind, target: pick(rng, endpointsOf(space)), extraUs: roundMs(rng.uniform(50_000, 2_000_000)) };
    case "flaky":
      return { kind, target: pick(rng, endpointsOf(space)), downUs: roundMs(rng.uniform(500_000, 5_000_000)), upUs: roundMs(rng.uniform(500_000, 5_000_000)) };
    case "slow":
      return { kind, node: pick(rng, space.dataNodes), delayUs: roundMs(rng.uniform(50_000, 2_000_000)) };
    case "read-only":
      return { kind, node: pick(rng, space.dataNodes) };
    case "zone-outage":
      return { kind, zone: pick(rng, space.zones) };
    default: {
      const unknown: never = kind;
      throw new Error(`unknown episode kind ${String(unknown)}`);
    }
  }
}

/** Two non-empty sides: of the zones half the time (when there are two or more), else of the endpoints. */
function drawSplit(rng: Rng, space: FaultSpace): string[][] {
  const names = space.zones.length > 1 && rng.chance(0.5) ? space.zones : endpointsOf(space);
  const inFirst = names.map(() => rng.chance(0.5));
  // Both sides must hold something: move one name across when a side came out empty.
  if (inFirst.every(Boolean) || !inFirst.some(Boolean)) {
    const moved = rng.int(names.length);
    inFirst[moved] = !inFirst[moved];
  }
  return [names.filter((_, i) => inFirst[i]), names.filter((_, i) => !inFirst[i])];
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

function roundMs(us: number): number {
  return Math.round(us / msUs) * msUs;
}
