// blip(duration, ...groups): a partition that heals itself after `duration` — a short network
// hiccup — or earlier at a heal(). It must heal before the end of the run (an end past it would
// silently never come). The fuzzer blips a split of the zones or endpoints for the episode.
import * as z from "zod";
import {
  duration,
  durationText,
  failAt,
  formatDuration,
  spokenDuration,
  strict,
  type Duration,
} from "../../dsl/index.ts";
import { drawSplit } from "./draws.ts";
import type { EpisodeShape, FaultKindModule } from "./fault-kind.ts";
import { isHeal } from "./heal.ts";
import { groupsAt } from "./names.ts";
import { betweenGroups, cutFromAWatcher, expand } from "./reach.ts";
import { faultGroups } from "./schemas.ts";
import { groupsLabel, groupsSentence, quoted, quotedList } from "./words.ts";

export type BlipSpec = { kind: "blip"; duration: Duration; groups: string[][] };

/** A partition that heals itself after `duration` (a short network hiccup). */
export function blip(duration: Duration, ...groups: string[][]): BlipSpec {
  return { kind: "blip", duration, groups: groups.map((group) => [...group]) };
}

type BlipFault = { kind: "blip"; groups: string[][]; durationUs: number };
type BlipEpisode = { kind: "blip"; groups: string[][] };

const schema = strict(
  { kind: z.literal("blip"), duration: duration({ positive: true }), groups: faultGroups },
  "blip(duration, ...groups)",
);

const episode: EpisodeShape<BlipEpisode> = {
  offered: () => true,
  draw: (rng, space) => ({ kind: "blip", groups: drawSplit(rng, space) }),
  repairable: false,
  entries: ({ groups }, lengthUs) => ({
    start: blip(durationText(lengthUs), ...groups),
    repair: null,
  }),
  names: ({ groups }) => groups.flat(),
};

const kind: FaultKindModule<
  BlipFault,
  BlipSpec,
  z.output<typeof schema>,
  { blip: typeof episode }
> = {
  builders: ["blip()"],
  schema,
  resolve: (spec, site) => {
    const groups = groupsAt(spec.groups, ["groups"], site);
    if (site.atUs + spec.duration >= site.durationUs) {
      const remainingUs = site.durationUs - site.atUs;
      failAt(
        site.context,
        [...site.path, "duration"],
        `a blip that heals before the end of the run: it starts at ${formatDuration(site.atUs)} in a run of ${formatDuration(site.durationUs)}, so it must last less than ${formatDuration(remainingUs)}`,
      );
    }
    return { kind: "blip", groups, durationUs: spec.duration };
  },
  apply: (fault, world) => {
    const cutId = world.nextCutId();
    world.network.cutBetween(
      cutId,
      fault.groups.map((names) => world.network.resolve(names)),
    );
    world.later(fault.durationUs, () => world.network.heal(cutId));
  },
  label: (fault) => `blip ${groupsLabel(fault.groups)} for ${fault.durationUs / 1e6} s`,
  node: () => "",
  explain: (fault) =>
    `Fault: a ${spokenDuration(fault.durationUs)} network blip separates ${groupsSentence(fault.groups)}.`,
  startsOrStops: () => [],
  disruptive: () => true,
  reach: (fault, topology) =>
    cutFromAWatcher(topology, betweenGroups(fault.groups.map((group) => expand(topology, group)))),
  repairedBy: (event) => isHeal(event),
  knownEndUs: (fault, startUs) => startUs + fault.durationUs,
  source: (spec) => `blip(${[quoted(spec.duration), ...spec.groups.map(quotedList)].join(", ")})`,
  episodes: { blip: episode },
};
export default kind;
