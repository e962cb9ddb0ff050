// partition(...groups): every link between endpoints of different groups is cut, in both
// directions, until heal(); endpoints in no group keep all their links. Groups name endpoints or
// zones (a zone stands for every endpoint in it); an endpoint may sit in only one group. The
// fuzzer splits the zones or the endpoints in two, and heals after the episode.
import * as z from "zod";
import { strict } from "../../dsl/index.ts";
import { drawSplit } from "./draws.ts";
import type { EpisodeShape, FaultKindModule } from "./fault-kind.ts";
import { heal, isHeal } from "./heal.ts";
import { groupsAt } from "./names.ts";
import { betweenGroups, cutFromAWatcher, expand } from "./reach.ts";
import { faultGroups } from "./schemas.ts";
import { groupsLabel, groupsSentence, quotedList } from "./words.ts";

export type PartitionSpec = { kind: "partition"; groups: string[][] };

/** Cuts every link between endpoints of different groups (two or more); others keep their links. */
export function partition(...groups: string[][]): PartitionSpec {
  return { kind: "partition", groups: groups.map((group) => [...group]) };
}

type PartitionFault = { kind: "partition"; groups: string[][] };
type PartitionEpisode = { kind: "partition"; groups: string[][] };

const schema = strict(
  { kind: z.literal("partition"), groups: faultGroups },
  "partition(...groups)",
);

const episode: EpisodeShape<PartitionEpisode> = {
  offered: () => true,
  draw: (rng, space) => ({ kind: "partition", groups: drawSplit(rng, space) }),
  repairable: true,
  entries: ({ groups }) => ({ start: partition(...groups), repair: heal() }),
  names: ({ groups }) => groups.flat(),
  blipGroups: ({ groups }) => groups,
};

const kind: FaultKindModule<
  PartitionFault,
  PartitionSpec,
  z.output<typeof schema>,
  { partition: typeof episode }
> = {
  builders: ["partition()"],
  schema,
  resolve: (spec, site) => ({ kind: "partition", groups: groupsAt(spec.groups, ["groups"], site) }),
  apply: (fault, world) =>
    world.network.cutBetween(
      world.nextCutId(),
      fault.groups.map((names) => world.network.resolve(names)),
    ),
  label: (fault) => `partition ${groupsLabel(fault.groups)}`,
  node: () => "",
  explain: (fault) =>
    `Fault: the network splits into ${groupsSentence(fault.groups)}; nothing crosses between the groups.`,
  startsOrStops: () => [],
  disruptive: () => true,
  reach: (fault, topology) =>
    cutFromAWatcher(topology, betweenGroups(fault.groups.map((group) => expand(topology, group)))),
  repairedBy: (event) => isHeal(event),
  knownEndUs: () => Infinity,
  source: (spec) => `partition(${spec.groups.map(quotedList).join(", ")})`,
  episodes: { partition: episode },
};
export default kind;
