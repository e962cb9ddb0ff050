// What a rejoin mode is — how a deposed primary comes back once the controller tells it to follow
// the new one — one module holding every facet of it (rejoin/<mode>.ts), the registry
// (rejoin/index.ts) the only list:
//   DSL        its settings among a scenario's `failover` fields (zod) and their defaults, each
//              with its unit and source, resolved whichever mode is chosen;
//   resolve    a check of what it needs (a manual rejoin needs an operator);
//   model      how long the node stays out before it follows (node-actions.ts asks `delayUs`);
//   describe   its phrase in `sim explain`'s setting and its sentence when a node starts back;
//   fuzz       how the swarm draws it, and the longest it takes (the settle period's term).
// A deposed primary is a node told to follow a newer primary while it still holds the primary
// role of its own epoch (serving, fenced, or restarted after a crash) — not one that handed the
// role over in a planned failback, which rejoins at once in every system. Other nodes follow at
// once whatever the mode. Every facet is required: a mode that leaves one out does not compile.
import type * as z from "zod";
import type { Rng } from "../../engine/index.ts";
import type { ResolveContext } from "../../dsl/index.ts";
import type { SettingsFacets } from "../kind-settings.ts";

/** The operator as a manual rejoin sees it (config.ts: OperatorConfig). */
export interface RejoinOperator {
  readonly minDelayUs: number;
  readonly maxDelayUs: number;
  readonly errorProbability: number;
}

/** What decides how long one deposed primary stays out. */
export interface DeposedPrimary {
  /** Its log holds entries the new primary's history lacks (it must be rewound or rebuilt). */
  readonly diverged: boolean;
  /** The time it takes to restore a full copy of the data (its node's restoreIn). */
  readonly restoreInUs: number;
  readonly operator: RejoinOperator | null;
  /** A uniform draw on [0, 1) from the node's own stream. */
  draw(): number;
}

/** What bounds the time any deposed primary stays out. */
export interface RejoinBounds {
  /** The longest restoreIn of the data nodes. */
  readonly restoreInUs: number;
  readonly operator: RejoinOperator | null;
}

export interface RejoinKindModule<
  Name extends string,
  Fields extends z.ZodRawShape,
  Settings extends object,
  Spec extends object,
> extends SettingsFacets<Fields, Settings, Spec> {
  /** Fails (failAt) when the scenario lacks what the mode needs. */
  check(site: { context: ResolveContext; hasOperator: boolean }): void;
  /** How long the deposed primary stays out before it follows (µs; 0: at once; Infinity: never). */
  delayUs(deposed: DeposedPrimary, settings: Settings): number;
  /** The longest `delayUs` can be (the settle period's rejoin term; Infinity: unbounded). */
  settleUs(bounds: RejoinBounds, settings: Settings): number;
  /** Its phrase in `sim explain`'s failover line, e.g. "a deposed primary is rewound for 30 s". */
  describe(settings: Settings): string;
  /** Why `node` stays out until it follows, `after` from now ("20 s"). */
  explain(node: string, after: string): string;
  /** The swarm's draw: the scenario's `failover` fields for this mode. */
  draw(rng: Rng): { rejoin: Name } & Record<string, unknown>;
}
