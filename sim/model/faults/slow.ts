// slow(node, delay): a gray failure — the database node answers health checks at once but
// handles every write `delay` late (a duration, or a latency distribution drawn per write, so
// writes may then be handled out of order); slow(node, "0s") ends it. The fuzzer slows a
// database node by 50 ms to 2 s — a distribution one time in four — for the episode, then sets
// it back.
import * as z from "zod";
import { durationText, spokenDuration, strict } from "../../dsl/index.ts";
import {
  describeLatency,
  drawLatency,
  latencyKinds,
  latencyPhrase,
  latencySchema,
  type Latency,
  type LatencyText,
} from "../latency/index.ts";
import { pick, roundMs } from "./draws.ts";
import type { EpisodeShape, FaultKindModule } from "./fault-kind.ts";
import { dataNodeAt } from "./names.ts";
import { watched } from "./reach.ts";
import { faultName } from "./schemas.ts";
import { quoted } from "./words.ts";

export type SlowSpec = { kind: "slow"; node: string; delay: LatencyText };

/** Gray failure: the node answers health checks but handles every write `delay` late — a
 *  duration, or a latency distribution drawn per write ("0s" ends it). */
export function slow(node: string, delay: LatencyText): SlowSpec {
  return { kind: "slow", node, delay };
}

/** `delayUs` (fixed µs, or a distribution) 0 ends it. */
type SlowFault = { kind: "slow"; node: string; delayUs: Latency };
type SlowEpisode = { kind: "slow"; node: string; delay: LatencyText };

const isSlow = (fault: { readonly kind: string } | undefined): fault is SlowFault =>
  fault?.kind === "slow";

const schema = strict(
  { kind: z.literal("slow"), node: faultName, delay: latencySchema },
  "slow(node, delay)",
);

const episode: EpisodeShape<SlowEpisode> = {
  offered: (space) => space.dataNodes.length > 0,
  draw: (rng, space) => ({
    kind: "slow",
    node: pick(rng, space.dataNodes),
    delay: drawLatency(rng, rng.chance(0.25) ? pick(rng, latencyKinds) : "fixed", (inner) =>
      durationText(roundMs(inner.uniform(50_000, 2_000_000))),
    ),
  }),
  repairable: true,
  entries: ({ node, delay }) => ({
    start: slow(node, delay),
    repair: slow(node, "0s"),
  }),
  names: ({ node }) => [node],
};

const kind: FaultKindModule<
  SlowFault,
  SlowSpec,
  z.output<typeof schema>,
  { slow: typeof episode }
> = {
  builders: ["slow()"],
  schema,
  resolve: (spec, site) => ({
    kind: "slow",
    node: dataNodeAt(spec.node, "node", site),
    delayUs: spec.delay,
  }),
  apply: (fault, world) => world.dataNode(fault.node).setSlow(fault.delayUs),
  label: (fault) =>
    typeof fault.delayUs !== "number"
      ? `slow ${fault.node}: writes late by (${latencyPhrase(fault.delayUs)})`
      : fault.delayUs > 0
        ? `slow ${fault.node}: writes ${fault.delayUs / 1e3} ms late`
        : `${fault.node} no longer slow`,
  node: (fault) => fault.node,
  explain: (fault) =>
    typeof fault.delayUs !== "number"
      ? `Fault: ${fault.node} handles each write late by a draw of ${describeLatency(fault.delayUs)}, yet answers health checks at once (a gray failure).`
      : fault.delayUs > 0
        ? `Fault: ${fault.node} handles every write ${spokenDuration(fault.delayUs)} late, yet answers health checks at once (a gray failure).`
        : `Repair: ${fault.node} handles writes at normal speed again.`,
  startsOrStops: () => [],
  disruptive: (fault) => fault.delayUs !== 0,
  reach: (fault, topology) => watched(topology, [fault.node]),
  repairedBy: (event, fault) =>
    event.kind === "fault" &&
    isSlow(event.fault) &&
    event.fault.node === fault.node &&
    event.fault.delayUs === 0,
  knownEndUs: () => Infinity,
  source: (spec) => `slow(${quoted(spec.node)}, ${JSON.stringify(spec.delay)})`,
  episodes: { slow: episode },
};
export default kind;
