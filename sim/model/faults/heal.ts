// heal(): every cut link works again — partitions, isolations, one-way cuts, blips and
// degradations alike, including cuts that would have ended by themselves. A repair: it disturbs
// nothing, and the fuzzer draws it only as the end of a cut.
import * as z from "zod";
import { strict } from "../../dsl/index.ts";
import type { FaultKindModule } from "./fault-kind.ts";

export type HealSpec = { kind: "heal" };

/** Restores every cut link. */
export function heal(): HealSpec {
  return { kind: "heal" };
}

type HealFault = { kind: "heal" };

const schema = strict({ kind: z.literal("heal") }, "heal()");

const kind: FaultKindModule<HealFault, HealSpec, z.output<typeof schema>, {}> = {
  builders: ["heal()"],
  schema,
  resolve: () => ({ kind: "heal" }),
  apply: (_fault, world) => world.network.healAll(),
  label: () => "heal all links",
  node: () => "",
  explain: () => "Repair: the network heals; every cut link works again.",
  startsOrStops: () => [],
  disruptive: () => false,
  reach: () => new Set(),
  repairedBy: () => false,
  knownEndUs: () => Infinity,
  source: () => "heal()",
  episodes: {},
};
export default kind;

/** Whether an event is a heal() (which repairs every kind of cut link). */
export function isHeal(event: {
  readonly kind: string;
  readonly fault?: { readonly kind: string };
}): boolean {
  return event.kind === "fault" && event.fault?.kind === "heal";
}
