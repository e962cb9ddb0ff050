// Draws a random fault schedule from one named random stream: 1 to `maxEpisodes` episodes, each a
// kind chosen uniformly among those the cluster offers, a length uniform in [1 s, min(60 s, half
// the fault window)] and a start uniform in the window such that it ends inside it; times are
// rounded to whole milliseconds so they read well. Targets are the scenario's own names:
// - crash, pause: any node (monitors too); clock skew: a database node (a rate in [0.5, 2] or a
//   jump of ±1..60 s);
// - partition, blip, one-way: a random split into two non-empty sides — of the zones (when there
//   are two or more, half the time) or of the nodes and client groups;
// - isolate: a node, a client group or (with two zones or more) a zone;
// - loss: a node's or a client group's links, with a probability in [0.1, 1].
// Every draw comes from `rng` in a fixed order, so the same stream gives the same schedule.
import type { Rng } from "../engine/index.ts";
import type { Episode, EpisodeFault, EpisodeKind } from "./episode.ts";
import { endpointsOf, type FaultSpace } from "./fault-space.ts";
import { fuzzDefaults } from "./fuzz-defaults.ts";

const episodeKinds: readonly EpisodeKind[] = ["crash", "pause", "partition", "blip", "isolate", "one-way", "loss", "clock-skew"];
const msUs = 1000;

export function drawSchedule(rng: Rng, space: FaultSpace, maxEpisodes: number): Episode[] {
  const count = 1 + rng.int(maxEpisodes);
  return Array.from({ length: count }, () => drawEpisode(rng, space));
}

function drawEpisode(rng: Rng, space: FaultSpace): Episode {
  const { windowStartUs, windowEndUs } = space;
  const windowUs = windowEndUs - windowStartUs;
  const maxLengthUs = Math.min(fuzzDefaults.maxEpisodeUs, Math.floor(windowUs / 2));
  const minLengthUs = Math.min(fuzzDefaults.minEpisodeUs, maxLengthUs);
  const kind = episodeKinds[rng.int(episodeKinds.length)];
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
