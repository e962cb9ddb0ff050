// Faults aimed at a role instead of a node: a chaos entry may name "primary", "standby",
// "monitor", "witness" or "server", and each fault it draws is resolved when it strikes — to one
// of the nodes that hold the role at that moment (the primary then, not the one at the start),
// picked uniformly from the stream `aim:<slot>` — and a chaos crash's restart to the very node
// that crash hit. Assumptions: a node that is down holds no role; a role nobody holds when the
// fault comes is not struck, and neither is the repair of a crash that struck nobody. The trace
// only ever sees the struck node's fault, as if the scenario had named it.
import type { Rng } from "../engine/index.ts";
import type { Fault } from "./faults/index.ts";

/** The roles a chaos entry may aim at. */
export const aimRoles = ["primary", "standby", "monitor", "witness", "server"] as const;
export type AimRole = (typeof aimRoles)[number];

/** A scheduled fault's aim: the role, the chaos entry it comes from, and whether it strikes the
 *  node its entry last struck (a crash's restart). */
export interface Aim {
  readonly role: AimRole;
  /** Names the chaos entry ("crash:primary"): its draws and the node it last struck. */
  readonly slot: string;
  readonly again: boolean;
}

/** The faults chaos draws, the ones that may be aimed. */
export type AimableFault = Extract<Fault, { kind: "crash" | "restart" | "pause" | "blip" }>;

const aimable = new Set<string>(["crash", "restart", "pause", "blip"]);

/** What aiming needs of the world. */
export interface AimWorld {
  /** The nodes up and holding the role now, in declaration order. */
  holders(role: AimRole): string[];
  /** Every network endpoint (a blip cuts the struck node from all the others). */
  readonly endpointNames: readonly string[];
  stream(name: string): Rng;
}

export class Aimer {
  /** The node each chaos entry struck last (absent: none, or it struck nobody). */
  private readonly struck = new Map<string, string>();

  constructor(private readonly world: AimWorld) {}

  /** The fault aimed at a node now, or null when nobody holds the role. */
  aim(fault: Fault, aim: Aim): Fault | null {
    if (!aimable.has(fault.kind))
      throw new Error(`a ${fault.kind} fault cannot be aimed at a role`);
    const node = aim.again ? this.struck.get(aim.slot) : this.pick(aim);
    if (!aim.again) {
      if (node === undefined) this.struck.delete(aim.slot);
      else this.struck.set(aim.slot, node);
    }
    if (node === undefined) return null;
    if (fault.kind !== "blip") return { ...(fault as AimableFault), node } as Fault;
    const others = this.world.endpointNames.filter((name) => name !== node);
    return { ...fault, groups: [[node], others] };
  }

  private pick(aim: Aim): string | undefined {
    const holders = this.world.holders(aim.role);
    if (holders.length === 0) return undefined;
    return holders[this.world.stream(`aim:${aim.slot}`).int(holders.length)];
  }
}
