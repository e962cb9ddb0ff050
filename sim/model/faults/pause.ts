// pause(node, duration): the process freezes for `duration` (a GC or VM pause): it handles
// nothing, and events meant for it wait until it resumes — then it carries on as if no time had
// passed, still believing it is whatever it was. A second pause that ends later extends the first.
// Repaired when the node resumes; the fuzzer pauses any node for the episode.
import * as z from "zod";
import { duration, durationText, spokenDuration, strict, type Duration } from "../../dsl/index.ts";
import { pick } from "./draws.ts";
import type { EpisodeShape, FaultKindModule } from "./fault-kind.ts";
import { nodeAt } from "./names.ts";
import { watched } from "./reach.ts";
import { faultName } from "./schemas.ts";
import { quoted } from "./words.ts";

export type PauseSpec = { kind: "pause"; node: string; duration: Duration };

/** The node's process freezes for `duration` (a GC or VM pause), then carries on as if nothing happened. */
export function pause(node: string, duration: Duration): PauseSpec {
  return { kind: "pause", node, duration };
}

type PauseFault = { kind: "pause"; node: string; durationUs: number };
type PauseEpisode = { kind: "pause"; node: string };

const schema = strict(
  { kind: z.literal("pause"), node: faultName, duration: duration({ positive: true }) },
  "pause(node, duration)",
);

const episode: EpisodeShape<PauseEpisode> = {
  offered: () => true,
  draw: (rng, space) => ({ kind: "pause", node: pick(rng, space.nodes) }),
  repairable: false,
  entries: ({ node }, lengthUs) => ({ start: pause(node, durationText(lengthUs)), repair: null }),
  names: ({ node }) => [node],
};

const kind: FaultKindModule<
  PauseFault,
  PauseSpec,
  z.output<typeof schema>,
  { pause: typeof episode }
> = {
  builders: ["pause()"],
  schema,
  resolve: (spec, site) => ({
    kind: "pause",
    node: nodeAt(spec.node, "node", site),
    durationUs: spec.duration,
  }),
  apply: (fault, world) => {
    const process = world.process(fault.node);
    if (process.up) world.paused(process, fault.durationUs);
  },
  label: (fault) => `pause ${fault.node} for ${fault.durationUs / 1e6} s`,
  node: (fault) => fault.node,
  explain: (fault) =>
    `Fault: ${fault.node}'s process freezes for ${spokenDuration(fault.durationUs)} (a GC or VM pause).`,
  startsOrStops: () => [],
  disruptive: () => true,
  reach: (fault, topology) => watched(topology, [fault.node]),
  repairedBy: (event, fault) => event.kind === "node_resumed" && event.node === fault.node,
  knownEndUs: () => Infinity,
  source: (spec) => `pause(${quoted(spec.node)}, ${quoted(spec.duration)})`,
  episodes: { pause: episode },
};
export default kind;
