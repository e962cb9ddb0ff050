// crashLoop(node, upFor) / crashLoopEnd(node): from now on the node's process exits `upFor` after
// each start — a bad configuration, a missing dependency, a memory leak killed by the OOM killer
// — and, if it runs, exits now; crashLoopEnd removes the cause (the next start runs for good).
// Each exit is a process exit, so the node's restart policy (restart-policy.ts) restarts it:
// with "always" the kubelet's CrashLoopBackOff paces the restarts (and a fix waits out the
// current back-off), with "never" the node stays down until a restart — or until the fix, which
// starts it (nothing else would). Repaired by its crashLoopEnd; the fuzzer loops any node for
// the episode, with 2–20 s of life per start.
import * as z from "zod";
import {
  duration,
  durationText,
  failAt,
  spokenDuration,
  strict,
  type Duration,
} from "../../dsl/index.ts";
import { pick, roundMs } from "./draws.ts";
import type { EpisodeShape, ExplainWorld, FaultKindModule } from "./fault-kind.ts";
import { nodeAt } from "./names.ts";
import { watched } from "./reach.ts";
import { faultName } from "./schemas.ts";
import { quoted } from "./words.ts";

export type CrashLoopSpec =
  | { kind: "crash-loop"; node: string; upFor: Duration; end: false }
  | { kind: "crash-loop"; node: string; end: true };

/** The node's process exits now and `upFor` after every start, until crashLoopEnd(node). */
export function crashLoop(node: string, upFor: Duration): CrashLoopSpec {
  return { kind: "crash-loop", node, upFor, end: false };
}

/** The crash loop's cause is gone: the node's next start runs for good. */
export function crashLoopEnd(node: string): CrashLoopSpec {
  return { kind: "crash-loop", node, end: true };
}

type CrashLoopFault =
  | { kind: "crash-loop"; node: string; upForUs: number; end: false }
  | { kind: "crash-loop"; node: string; end: true };
type CrashLoopEpisode = { kind: "crash-loop"; node: string; upForUs: number };

const sUs = 1_000_000;

/** Whether the node's restart policy starts it (else the fix does). */
const restartsItself = (world: ExplainWorld, node: string) =>
  world.nodes.some((config) => config.name === node && config.restart.policy === "always");

const isCrashLoop = (fault: { readonly kind: string } | undefined): fault is CrashLoopFault =>
  fault?.kind === "crash-loop";

const schema = strict(
  {
    kind: z.literal("crash-loop"),
    node: faultName,
    upFor: duration({ positive: true }).optional(),
    end: z.boolean(),
  },
  "crashLoop(node, upFor) or crashLoopEnd(node)",
);

const episode: EpisodeShape<CrashLoopEpisode> = {
  offered: () => true,
  draw: (rng, space) => ({
    kind: "crash-loop",
    node: pick(rng, space.nodes),
    upForUs: roundMs(rng.uniform(2 * sUs, 20 * sUs)),
  }),
  repairable: true,
  entries: ({ node, upForUs }) => ({
    start: crashLoop(node, durationText(upForUs)),
    repair: crashLoopEnd(node),
  }),
  names: ({ node }) => [node],
};

const kind: FaultKindModule<
  CrashLoopFault,
  CrashLoopSpec,
  z.output<typeof schema>,
  { "crash-loop": typeof episode }
> = {
  builders: ["crashLoop()", "crashLoopEnd()"],
  schema,
  resolve: (spec, site): CrashLoopFault => {
    const node = nodeAt(spec.node, "node", site);
    if (spec.end) return { kind: "crash-loop", node, end: true };
    if (spec.upFor === undefined)
      failAt(site.context, [...site.path, "upFor"], 'how long each start lasts, like "20s"');
    return { kind: "crash-loop", node, upForUs: spec.upFor, end: false };
  },
  apply: (fault, world) => {
    const process = world.process(fault.node);
    if (fault.end) world.supervisor.endCrashLoop(process);
    else world.supervisor.crashLoop(process, fault.upForUs);
  },
  label: (fault) =>
    fault.end
      ? `crash loop of ${fault.node} over`
      : `crash loop ${fault.node} (exits ${fault.upForUs / 1e6} s after each start)`,
  node: (fault) => fault.node,
  explain: (fault, _label, world) => {
    if (!fault.end)
      return `Fault: ${fault.node}'s process exits now and ${spokenDuration(fault.upForUs)} after every start (a crash loop).`;
    return restartsItself(world, fault.node)
      ? `Repair: whatever made ${fault.node} exit is gone; its restart policy's next start runs for good.`
      : `Repair: whatever made ${fault.node} exit is gone; ${fault.node} is started again, for good.`;
  },
  startsOrStops: (fault) => [fault.node],
  disruptive: (fault) => !fault.end,
  reach: (fault, topology) => watched(topology, [fault.node]),
  repairedBy: (event, fault) =>
    event.kind === "fault" &&
    isCrashLoop(event.fault) &&
    event.fault.node === fault.node &&
    event.fault.end,
  knownEndUs: () => Infinity,
  source: (spec) =>
    spec.end
      ? `crashLoopEnd(${quoted(spec.node)})`
      : `crashLoop(${quoted(spec.node)}, ${quoted(spec.upFor)})`,
  episodes: { "crash-loop": episode },
};
export default kind;
