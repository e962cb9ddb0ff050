// oneWay(from, to): links from every endpoint of `from` to every endpoint of `to` are cut; the
// reverse direction stays up (an asymmetric partition), until heal(). It reaches a watched node
// whichever direction it cuts between it and a watcher: a lost probe and a lost reply look alike.
// The fuzzer cuts one direction between two sides of a split, and heals after the episode.
import * as z from "zod";
import { strict } from "../../dsl/index.ts";
import { drawSplit } from "./draws.ts";
import type { EpisodeShape, FaultKindModule } from "./fault-kind.ts";
import { heal, isHeal } from "./heal.ts";
import { groupsAt } from "./names.ts";
import { cutFromAWatcher, expand } from "./reach.ts";
import { faultName } from "./schemas.ts";
import { quotedOneOrList } from "./words.ts";

export type OneWaySpec = { kind: "one-way"; from: string[]; to: string[] };

const list = (names: string | string[]): string[] => (Array.isArray(names) ? [...names] : [names]);

/** Cuts only the direction from `from` to `to` (asymmetric partition); heal() restores it. */
export function oneWay(from: string | string[], to: string | string[]): OneWaySpec {
  return { kind: "one-way", from: list(from), to: list(to) };
}

type OneWayFault = { kind: "one-way"; from: string[]; to: string[] };
type OneWayEpisode = { kind: "one-way"; from: string[]; to: string[] };

const schema = strict(
  { kind: z.literal("one-way"), from: z.array(faultName).min(1), to: z.array(faultName).min(1) },
  "oneWay(from, to)",
);

const episode: EpisodeShape<OneWayEpisode> = {
  offered: () => true,
  draw: (rng, space) => {
    const [from, to] = drawSplit(rng, space);
    return { kind: "one-way", from, to };
  },
  repairable: true,
  entries: ({ from, to }) => ({ start: oneWay(from, to), repair: heal() }),
  names: ({ from, to }) => [...from, ...to],
};

const kind: FaultKindModule<
  OneWayFault,
  OneWaySpec,
  z.output<typeof schema>,
  { "one-way": typeof episode }
> = {
  builders: ["oneWay()"],
  schema,
  resolve: (spec, site) => ({
    kind: "one-way",
    from: groupsAt([spec.from], ["from"], site)[0],
    to: groupsAt([spec.to], ["to"], site)[0],
  }),
  apply: (fault, world) => {
    const { network } = world;
    network.cutOneWay(world.nextCutId(), network.resolve(fault.from), network.resolve(fault.to));
  },
  label: (fault) => `one-way cut ${fault.from.join(",")} -> ${fault.to.join(",")}`,
  node: () => "",
  explain: (fault) =>
    `Fault: messages from ${fault.from.join(", ")} to ${fault.to.join(", ")} are lost; the other direction still works.`,
  startsOrStops: () => [],
  disruptive: () => true,
  reach: (fault, topology) => {
    const from = expand(topology, fault.from);
    const to = expand(topology, fault.to);
    return cutFromAWatcher(
      topology,
      (a, b) => (from.has(a) && to.has(b)) || (from.has(b) && to.has(a)),
    );
  },
  repairedBy: (event) => isHeal(event),
  knownEndUs: () => Infinity,
  source: (spec) => `oneWay(${quotedOneOrList(spec.from)}, ${quotedOneOrList(spec.to)})`,
  episodes: { "one-way": episode },
};
export default kind;
