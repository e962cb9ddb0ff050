// Draws a random fault schedule from one named random stream: 1 to `maxEpisodes` episodes, each a
// kind chosen uniformly among those offered (`sim fuzz` offers the classic eight below; the swarm
// every kind of the fault registry, episodeKinds), a length uniform in [1 s, min(60 s, half the
// fault window)] and a start uniform in the window such that it ends inside it; times are rounded
// to whole milliseconds so they read well. What each episode targets, and whether the cluster has
// what it acts on, is its fault kind's (model/faults/<kind>.ts, `episodes`): the scenario's own
// names. Every draw comes from `rng` in a fixed order, so the same stream gives the same schedule.
import type { Rng } from "../engine/index.ts";
import { episodeShapeOf } from "../scenario/index.ts";
import type { Episode, EpisodeKind } from "./episode.ts";
import type { FaultSpace } from "./fault-space.ts";
import { fuzzDefaults } from "./fuzz-defaults.ts";

export { episodeKinds } from "../scenario/index.ts";

/** What `sim fuzz <scenario>` draws: kept as it was, so a fuzz seed finds what it always found. */
export const classicEpisodeKinds: readonly EpisodeKind[] = [
  "crash",
  "pause",
  "partition",
  "blip",
  "isolate",
  "one-way",
  "loss",
  "clock-skew",
];

const msUs = 1000;

export function drawSchedule(
  rng: Rng,
  space: FaultSpace,
  maxEpisodes: number,
  kinds: readonly EpisodeKind[] = classicEpisodeKinds,
): Episode[] {
  const count = 1 + rng.int(maxEpisodes);
  const offered = kinds.filter((kind) => offers(space, kind));
  return Array.from({ length: count }, () => drawEpisode(rng, space, offered));
}

/** Whether the cluster has what an episode of this kind acts on. */
export function offers(space: FaultSpace, kind: EpisodeKind): boolean {
  return episodeShapeOf(kind).offered(space);
}

function drawEpisode(rng: Rng, space: FaultSpace, kinds: readonly EpisodeKind[]): Episode {
  const { windowStartUs, windowEndUs } = space;
  const windowUs = windowEndUs - windowStartUs;
  const maxLengthUs = Math.min(fuzzDefaults.maxEpisodeUs, Math.floor(windowUs / 2));
  const minLengthUs = Math.min(fuzzDefaults.minEpisodeUs, maxLengthUs);
  const kind = kinds[rng.int(kinds.length)];
  const lengthUs = roundMs(rng.uniform(minLengthUs, maxLengthUs));
  const startUs = Math.min(
    roundMs(rng.uniform(windowStartUs, windowEndUs - lengthUs)),
    windowEndUs - lengthUs,
  );
  return { fault: episodeShapeOf(kind).draw(rng, space), startUs, lengthUs, repaired: true };
}

function roundMs(us: number): number {
  return Math.round(us / msUs) * msUs;
}
