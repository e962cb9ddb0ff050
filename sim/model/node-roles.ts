// A data node's role machine as a table: role × event → the role it moves to and what it does on
// the way (data-node.ts carries the actions out; `transition` is pure, the shape of XState v5's
// transition() and of TigerBeetle's replica status changes). A role not listed for an event
// ignores it; a rule with a guard applies only when the guard holds. The authority rule: a node
// takes writes as primary only in the epoch it was promoted into — promotion (`promote`, then the
// steps) is the one way into a new epoch, and every way back into service (a restart resumed, a
// lease regained, replicas heard again, a failback called off) retakes the role only in that same
// epoch, never after it gave the role up in it (yield), and never one a crash cut short.
//
//   event           from                          to                        does
//   restart         any                           rejoining                 rejoin
//   powered-off     any                           fenced                    —
//   stale-epoch     primary                       fenced                    —  (epoch fencing)
//   lease-lapsed    primary                       fenced                    —
//   replicas-short  primary                       fenced                    —
//   replicas-back   fenced [mayRetake]            primary                   retake
//   lease-renewed   fenced [mayRetake]            primary                   retake
//   newer-primary   primary [newer epoch]         fenced                    yield
//   step-down       primary [same epoch]          fenced                    handOver
//   resume          fenced [yielded, served]      primary                   retake
//                   rejoining [served]            primary                   resume
//   promote         primary, fenced [newer]       primary | fenced          takeEpoch
//                   standby [newer]               catching-up | promoting   catchUp
//                   rejoining [newer or cut short] catching-up | promoting  catchUp
//                   off [newer]                   booting                   boot
//                   booting, catching-up, promoting [newer]   (same)        carryOn
//   promotion-step  booting                       catching-up               restore
//                   catching-up                   promoting                 awaitPromotion
//                   promoting                     primary | fenced          takeEpoch
//   follow          any but off [newer, or same epoch and not primary]  standby | rejoining  follow
//   rejoined        rejoining                     standby                   completeRejoin
// follow: a deposed primary — one that holds the primary role of its own epoch, not handed over
// in a planned failback — is first rewound, rebuilt or left for an operator as the rejoin mode
// says (rejoin/), "rejoining" until it is done; any other node follows at once.
// `served`: the node was promoted into the command's epoch, its own; `yielded`: it gave the role
// up in it; `cut short`: a crash interrupted its promotion into its epoch; `mayRetake`: fenced in
// the epoch it was promoted into, and it did not yield it. takeEpoch ends fenced when storage
// refuses the epoch (epoch fencing: a newer one completed first) or the lease lapsed meanwhile.
import type { TraceRole } from "./trace.ts";

export type RoleEvent =
  | {
      kind:
        | "restart"
        | "powered-off"
        | "stale-epoch"
        | "lease-lapsed"
        | "replicas-short"
        | "replicas-back"
        | "lease-renewed"
        | "promotion-step";
    }
  /** An epoch named by the controller or the coordination store. */
  | {
      kind: "newer-primary" | "step-down" | "resume" | "promote" | "follow" | "rejoined";
      epoch: number;
    };

export type RoleAction =
  | "rejoin"
  | "retake"
  | "yield"
  | "handOver"
  | "resume"
  | "catchUp"
  | "boot"
  | "carryOn"
  | "restore"
  | "awaitPromotion"
  | "takeEpoch"
  | "follow"
  | "completeRejoin";

/** What the node is, as its guards read it. */
export interface RoleView {
  readonly role: TraceRole;
  readonly epoch: number;
  /** The epoch it was last promoted into (0: never). */
  readonly primaryEpoch: number;
  /** The epoch in which it gave the primary role up (-1: none). */
  readonly yieldedEpoch: number;
}

type Guard = (node: RoleView, epoch: number) => boolean;

const guards = {
  mayRetake: (node) => node.primaryEpoch === node.epoch && node.yieldedEpoch !== node.epoch,
  newer: (node, epoch) => epoch > node.epoch,
  same: (node, epoch) => epoch === node.epoch,
  served: (node, epoch) => epoch === node.epoch && node.primaryEpoch === node.epoch,
  yieldedAndServed: (node, epoch) =>
    epoch === node.epoch && node.primaryEpoch === node.epoch && node.yieldedEpoch === node.epoch,
  newerOrCutShort: (node, epoch) =>
    epoch > node.epoch || (epoch === node.epoch && node.primaryEpoch !== node.epoch),
  notOlder: (node, epoch) => epoch >= node.epoch,
} satisfies Record<string, Guard>;

export interface RoleRule {
  /** The role it moves to; the action picks among several. */
  readonly to: TraceRole | readonly TraceRole[];
  readonly if?: keyof typeof guards;
  readonly do?: RoleAction;
}

type Rules = { readonly [R in TraceRole | "any"]?: RoleRule | null };

const catchUp: RoleRule = { to: ["catching-up", "promoting"], if: "newer", do: "catchUp" };
const carryOn = (role: TraceRole): RoleRule => ({ to: role, if: "newer", do: "carryOn" });
const takeEpochNow: RoleRule = { to: ["primary", "fenced"], if: "newer", do: "takeEpoch" };

export const roleTable: { readonly [E in RoleEvent["kind"]]: Rules } = {
  restart: { any: { to: "rejoining", do: "rejoin" } },
  "powered-off": { any: { to: "fenced" } },
  "stale-epoch": { primary: { to: "fenced" } },
  "lease-lapsed": { primary: { to: "fenced" } },
  "replicas-short": { primary: { to: "fenced" } },
  "replicas-back": { fenced: { to: "primary", if: "mayRetake", do: "retake" } },
  "lease-renewed": { fenced: { to: "primary", if: "mayRetake", do: "retake" } },
  "newer-primary": { primary: { to: "fenced", if: "newer", do: "yield" } },
  "step-down": { primary: { to: "fenced", if: "same", do: "handOver" } },
  resume: {
    fenced: { to: "primary", if: "yieldedAndServed", do: "retake" },
    rejoining: { to: "primary", if: "served", do: "resume" },
  },
  promote: {
    primary: takeEpochNow,
    fenced: takeEpochNow,
    standby: catchUp,
    rejoining: { ...catchUp, if: "newerOrCutShort" },
    off: { to: "booting", if: "newer", do: "boot" },
    booting: carryOn("booting"),
    "catching-up": carryOn("catching-up"),
    promoting: carryOn("promoting"),
  },
  "promotion-step": {
    booting: { to: "catching-up", do: "restore" },
    "catching-up": { to: "promoting", do: "awaitPromotion" },
    promoting: { to: ["primary", "fenced"], do: "takeEpoch" },
  },
  follow: {
    off: null,
    primary: { to: ["standby", "rejoining"], if: "newer", do: "follow" },
    any: { to: ["standby", "rejoining"], if: "notOlder", do: "follow" },
  },
  rejoined: { rejoining: { to: "standby", do: "completeRejoin" } },
};

/** The rule for `event` in the node's role, or null when it ignores the event. */
export function transition(node: RoleView, event: RoleEvent): RoleRule | null {
  const rules = roleTable[event.kind];
  const rule = rules[node.role] === undefined ? rules.any : rules[node.role];
  if (rule === undefined || rule === null) return null;
  if (rule.if !== undefined && !guards[rule.if](node, "epoch" in event ? event.epoch : node.epoch))
    return null;
  return rule;
}
