// crash(node): the node's process stops — a database node, a monitor or a pool server — until
// restart(node), or until its restart policy starts it again (restart-policy.ts: the process
// exited). Messages still queued on its links die with it. It is repaired when the node is up
// again; the fuzzer draws it on any node, repaired by a restart.
import * as z from "zod";
import { strict } from "../../dsl/index.ts";
import { pick } from "./draws.ts";
import type { EpisodeShape, FaultKindModule } from "./fault-kind.ts";
import { nodeAt } from "./names.ts";
import { watched } from "./reach.ts";
import { restart } from "./restart.ts";
import { faultName } from "./schemas.ts";
import { quoted } from "./words.ts";

export type CrashSpec = { kind: "crash"; node: string };

/** Stops a node (database or monitor) until it is restarted. */
export function crash(node: string): CrashSpec {
  return { kind: "crash", node };
}

/** A monitor crashes (the same as crash(monitor), named for what it is). */
export function monitorCrash(monitor: string): CrashSpec {
  return crash(monitor);
}

type CrashFault = { kind: "crash"; node: string };
type CrashEpisode = { kind: "crash"; node: string };

const schema = strict({ kind: z.literal("crash"), node: faultName }, "crash(node)");

const episode: EpisodeShape<CrashEpisode> = {
  offered: () => true,
  draw: (rng, space) => ({ kind: "crash", node: pick(rng, space.nodes) }),
  repairable: true,
  entries: ({ node }) => ({ start: crash(node), repair: restart(node) }),
  names: ({ node }) => [node],
};

const kind: FaultKindModule<
  CrashFault,
  CrashSpec,
  z.output<typeof schema>,
  { crash: typeof episode }
> = {
  builders: ["crash()"],
  schema,
  resolve: (spec, site) => ({ kind: "crash", node: nodeAt(spec.node, "node", site) }),
  apply: (fault, world) => {
    const process = world.process(fault.node);
    const wasUp = process.up;
    if (wasUp) process.crash();
    world.crashed(process);
    if (wasUp) world.supervisor.exited(process);
  },
  label: (fault) => `crash ${fault.node}`,
  node: (fault) => fault.node,
  explain: (fault) => `Fault: ${fault.node} crashes — its process stops and answers nothing.`,
  startsOrStops: (fault) => [fault.node],
  disruptive: () => true,
  reach: (fault, topology) => watched(topology, [fault.node]),
  repairedBy: (event, fault) => event.kind === "node_up" && event.node === fault.node,
  knownEndUs: () => Infinity,
  source: (spec) => `crash(${quoted(spec.node)})`,
  episodes: { crash: episode },
};
export default kind;
