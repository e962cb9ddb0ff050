// restart(node): a crashed node's process starts again (a running one is left alone). A database
// node rejoins and takes no writes until the controller gives it a role. A repair: it disturbs
// nothing, and the fuzzer draws it only as a crash's end.
import * as z from "zod";
import { strict } from "../../dsl/index.ts";
import type { FaultKindModule } from "./fault-kind.ts";
import { nodeAt } from "./names.ts";
import { faultName } from "./schemas.ts";
import { quoted } from "./words.ts";

export type RestartSpec = { kind: "restart"; node: string };

/** Starts a crashed node again. */
export function restart(node: string): RestartSpec {
  return { kind: "restart", node };
}

type RestartFault = { kind: "restart"; node: string };

const schema = strict({ kind: z.literal("restart"), node: faultName }, "restart(node)");

const kind: FaultKindModule<RestartFault, RestartSpec, z.output<typeof schema>, {}> = {
  builders: ["restart()"],
  schema,
  resolve: (spec, site) => ({ kind: "restart", node: nodeAt(spec.node, "node", site) }),
  apply: (fault, world) => {
    const process = world.process(fault.node);
    if (process.up) return;
    process.restart();
    world.supervisor.started(process);
  },
  label: (fault) => `restart ${fault.node}`,
  node: (fault) => fault.node,
  explain: (fault, _label, world) =>
    world.nodes.some(
      (node) => node.name === fault.node && (node.role === "primary" || node.role === "standby"),
    )
      ? `Repair: ${fault.node} is restarted; it rejoins and waits for the controller to give it a role.`
      : `Repair: ${fault.node} is restarted.`,
  startsOrStops: (fault) => [fault.node],
  disruptive: () => false,
  reach: () => new Set(),
  repairedBy: () => false,
  knownEndUs: () => Infinity,
  source: (spec) => `restart(${quoted(spec.node)})`,
  episodes: {},
};
export default kind;
