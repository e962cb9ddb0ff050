// The registry of failback policies: one module per policy (failback-kind.ts says what a module
// holds), and this map the only list of them — the scenario's `failover.failback` choices and
// settings, the swarm's draws, the matrix and the controller's rule all come from it. A new
// policy is one file plus its entry here (the import and its line in the map).
import type * as z from "zod";
import { mergedFields, mergedSettings, type MergedSettings } from "../kind-settings.ts";
import type { FailbackKindModule } from "./failback-kind.ts";
import holdDown from "./hold-down.ts";
import immediate from "./immediate.ts";
import manual from "./manual.ts";
import never from "./never.ts";

export const failbackKinds = { never, immediate, "hold-down": holdDown, manual } as const;

type Kinds = typeof failbackKinds;
export type Failback = keyof Kinds;

// Each module is registered under the name its draw writes.
failbackKinds satisfies { [K in Failback]: FailbackKindModule<K, z.ZodRawShape, object, object> };

type Merged = MergedSettings<Kinds>;

/** Every policy's settings, resolved (each policy's, whichever is chosen). */
export type FailbackSettings = Merged["settings"];
/** Every policy's settings as a scenario's `failover` writes them. */
export type FailbackSpec = Merged["spec"];
/** Every policy's fields in a scenario's `failover`, merged. */
export type FailbackFields = Merged["fields"];

/** Every failback policy, in registry order. */
export const failbackNames = Object.keys(failbackKinds) as [Failback, ...Failback[]];

/** Every policy's fields in one shape, in registry order. */
export const failbackFields = mergedFields(
  failbackNames.map((name) => failbackKinds[name]),
) as FailbackFields;

/** The module of a policy, typed for any (the one cast from a name to its module). */
export function failbackKindOf(
  name: Failback,
): FailbackKindModule<Failback, FailbackFields, FailbackSettings, FailbackSpec> {
  return failbackKinds[name] as unknown as FailbackKindModule<
    Failback,
    FailbackFields,
    FailbackSettings,
    FailbackSpec
  >;
}

/** Every policy's settings resolved from a scenario's parsed `failover`. */
export function failbackSettings(
  failover: Partial<z.output<z.ZodObject<FailbackFields>>>,
): FailbackSettings {
  return mergedSettings(
    failbackNames.map((name) => failbackKindOf(name)),
    failover,
  ) as FailbackSettings;
}
