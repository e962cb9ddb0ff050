// The shrinker's reductions, in the order it tries them. Each proposes, for the episode at one
// index, candidate schedules best first; shrink.ts keeps the first that is smaller (schedule-size.ts)
// and still breaks the invariant.
//   drop     remove the episode;
//   unrepair remove its repair entry (restart, heal, skew back): the fault lasts to the end —
//            one line fewer (not for the liveness invariant, which needs every fault over);
//   blip     a cut (a partition, an isolation: its kind says which sides, blipGroups) and its
//            heal become one self-healing blip of the same length;
//   shorten  its length to 100 ms, to a half, to three quarters, down to whole seconds, down to
//            tenths;
//   earlier  its start to the window's start, halfway or three quarters of the way there, down
//            to whole seconds, down to tenths (a fault never repaired too: it has no length).
// Times stay inside the fault window, in whole milliseconds.
import { episodeShapeOf } from "../scenario/index.ts";
import { hasRepairEntry, type Episode } from "./episode.ts";
import type { FaultSpace } from "./fault-space.ts";
import { fuzzDefaults } from "./fuzz-defaults.ts";

export interface ReductionContext {
  space: FaultSpace;
  needsRepairs: boolean;
}

export interface Reduction {
  name: string;
  candidates(schedule: readonly Episode[], index: number, context: ReductionContext): Episode[][];
}

const replace = (schedule: readonly Episode[], index: number, episode: Episode) =>
  schedule.map((e, i) => (i === index ? episode : e));
const msUs = 1000;
const floorTo = (us: number, unitUs: number) => Math.floor(us / unitUs) * unitUs;

export const reductions: readonly Reduction[] = [
  {
    name: "drop",
    candidates: (schedule, index) => [schedule.filter((_, i) => i !== index)],
  },
  {
    name: "unrepair",
    candidates: (schedule, index, { needsRepairs }) => {
      const episode = schedule[index];
      if (needsRepairs || !episode.repaired || !hasRepairEntry(episode.fault.kind)) return [];
      return [replace(schedule, index, { ...episode, repaired: false })];
    },
  },
  {
    name: "blip",
    candidates: (schedule, index, { space }) => {
      const episode = schedule[index];
      if (!episode.repaired) return [];
      const groups = episodeShapeOf(episode.fault.kind).blipGroups?.(episode.fault, space);
      if (groups === undefined) return [];
      return [replace(schedule, index, { ...episode, fault: { kind: "blip", groups } })];
    },
  },
  {
    name: "shorten",
    candidates: (schedule, index) => {
      const episode = schedule[index];
      if (!episode.repaired) return [];
      const lengthUs = episode.lengthUs;
      const minUs = fuzzDefaults.minShrunkEpisodeUs;
      const lengths = [
        minUs,
        floorTo(lengthUs / 2, msUs),
        floorTo((lengthUs * 3) / 4, msUs),
        floorTo(lengthUs, 1_000_000),
        floorTo(lengthUs, 100_000),
      ];
      return distinct(lengths.filter((us) => us >= minUs && us < lengthUs)).map((us) =>
        replace(schedule, index, { ...episode, lengthUs: us }),
      );
    },
  },
  {
    name: "earlier",
    candidates: (schedule, index, { space }) => {
      const episode = schedule[index];
      const startUs = episode.startUs;
      const windowStartUs = space.windowStartUs;
      const gapUs = startUs - windowStartUs;
      const starts = [
        windowStartUs,
        windowStartUs + floorTo(gapUs / 2, msUs),
        windowStartUs + floorTo((gapUs * 3) / 4, msUs),
        floorTo(startUs, 1_000_000),
        floorTo(startUs, 100_000),
      ];
      return distinct(starts.filter((us) => us >= windowStartUs && us < startUs)).map((us) =>
        replace(schedule, index, { ...episode, startUs: us }),
      );
    },
  },
];

function distinct(values: number[]): number[] {
  return values.filter((value, i) => values.indexOf(value) === i);
}
