// isolate(target): every link between the target — a node, a client group or a zone (every
// endpoint in it) — and everything else is cut, until heal(). The fuzzer isolates a node, a client
// group or (with two zones or more) a zone, and heals after the episode.
import * as z from "zod";
import { strict } from "../../dsl/index.ts";
import { endpointsOf, pick } from "./draws.ts";
import type { EpisodeShape, FaultKindModule } from "./fault-kind.ts";
import { heal, isHeal } from "./heal.ts";
import { endpointAt } from "./names.ts";
import { acrossSet, cutFromAWatcher, expand } from "./reach.ts";
import { faultName } from "./schemas.ts";
import { quoted } from "./words.ts";

export type IsolateSpec = { kind: "isolate"; target: string };

/** Cuts every link between `target` (endpoint or zone) and everything else. */
export function isolate(target: string): IsolateSpec {
  return { kind: "isolate", target };
}

/** The target stays as written: a zone target stands for the endpoints in it. */
type IsolateFault = { kind: "isolate"; target: string };
type IsolateEpisode = { kind: "isolate"; target: string };

const schema = strict({ kind: z.literal("isolate"), target: faultName }, "isolate(target)");

const episode: EpisodeShape<IsolateEpisode> = {
  offered: () => true,
  draw: (rng, space) => ({
    kind: "isolate",
    target: pick(rng, [...endpointsOf(space), ...(space.zones.length > 1 ? space.zones : [])]),
  }),
  repairable: true,
  entries: ({ target }) => ({ start: isolate(target), repair: heal() }),
  names: ({ target }) => [target],
  // A zone is cut from the other zones; an endpoint from every other endpoint.
  blipGroups: ({ target }, space) => {
    const others = space.zones.includes(target) ? space.zones : endpointsOf(space);
    return [[target], others.filter((name) => name !== target)];
  },
};

const kind: FaultKindModule<
  IsolateFault,
  IsolateSpec,
  z.output<typeof schema>,
  { isolate: typeof episode }
> = {
  builders: ["isolate()"],
  schema,
  resolve: (spec, site) => ({ kind: "isolate", target: endpointAt(spec.target, "target", site) }),
  apply: (fault, world) => {
    const { network } = world;
    const inside = network.resolve([fault.target]);
    const outside = network.endpoints
      .map((_, index) => index)
      .filter((index) => !inside.includes(index));
    network.cutBetween(world.nextCutId(), [inside, outside]);
  },
  label: (fault) => `isolate ${fault.target}`,
  node: (fault) => fault.target,
  explain: (fault) => `Fault: ${fault.target} is cut off from everything else.`,
  startsOrStops: () => [],
  disruptive: () => true,
  reach: (fault, topology) =>
    cutFromAWatcher(topology, acrossSet(expand(topology, [fault.target]))),
  repairedBy: (event) => isHeal(event),
  knownEndUs: () => Infinity,
  source: (spec) => `isolate(${quoted(spec.target)})`,
  episodes: { isolate: episode },
};
export default kind;
