// The registry of rejoin modes: one module per mode (rejoin-kind.ts says what a module holds),
// and this map the only list of them — the scenario's `failover.rejoin` choices and settings,
// the swarm's draws, the matrix and the data node's follow action all come from it. A new mode is
// one file plus its entry here (the import and its line in the map).
import type * as z from "zod";
import { mergedFields, mergedSettings, type MergedSettings } from "../kind-settings.ts";
import manual from "./manual.ts";
import rebuild from "./rebuild.ts";
import type { RejoinKindModule } from "./rejoin-kind.ts";
import rewind from "./rewind.ts";
import standby from "./standby.ts";

export type { DeposedPrimary, RejoinBounds, RejoinOperator } from "./rejoin-kind.ts";

export const rejoinKinds = { standby, rewind, rebuild, manual } as const;

type Kinds = typeof rejoinKinds;
export type Rejoin = keyof Kinds;

// Each module is registered under the name its draw writes.
rejoinKinds satisfies { [K in Rejoin]: RejoinKindModule<K, z.ZodRawShape, object, object> };

type Merged = MergedSettings<Kinds>;

/** Every mode's settings, resolved (each mode's, whichever is chosen). */
export type RejoinSettings = Merged["settings"];
/** Every mode's settings as a scenario's `failover` writes them. */
export type RejoinSpec = Merged["spec"];
/** Every mode's fields in a scenario's `failover`, merged. */
export type RejoinFields = Merged["fields"];

/** Every rejoin mode, in registry order. */
export const rejoinNames = Object.keys(rejoinKinds) as [Rejoin, ...Rejoin[]];

/** Every mode's fields in one shape, in registry order. */
export const rejoinFields = mergedFields(
  rejoinNames.map((name) => rejoinKinds[name]),
) as RejoinFields;

/** The module of a mode, typed for any (the one cast from a name to its module). */
export function rejoinKindOf(
  name: Rejoin,
): RejoinKindModule<Rejoin, RejoinFields, RejoinSettings, RejoinSpec> {
  return rejoinKinds[name] as unknown as RejoinKindModule<
    Rejoin,
    RejoinFields,
    RejoinSettings,
    RejoinSpec
  >;
}

/** Every mode's settings resolved from a scenario's parsed `failover`. */
export function rejoinSettings(
  failover: Partial<z.output<z.ZodObject<RejoinFields>>>,
): RejoinSettings {
  return mergedSettings(
    rejoinNames.map((name) => rejoinKindOf(name)),
    failover,
  ) as RejoinSettings;
}
