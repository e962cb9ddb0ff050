// The registry of fencing kinds: one module per kind (fencing-kind.ts says what a module holds),
// and this map the only list of them — the scenario's `failover.fencing` choices and settings,
// the swarm's draws, the matrix, the settle period and the model's mechanisms all come from it.
// A new kind is one file plus its entry here (the import and its line in the map). The order is
// the order of choices.
import type { MergedSettings } from "../kind-settings.ts";
import type * as z from "zod";
import epoch from "./epoch.ts";
import type { FencingKindModule, FencingMechanisms } from "./fencing-kind.ts";
import lease from "./lease.ts";
import minReplicas from "./min-replicas.ts";
import none from "./none.ts";
import stonith from "./stonith.ts";

export const fencingKinds = { none, stonith, epoch, lease, "min-replicas": minReplicas } as const;

type Kinds = typeof fencingKinds;
export type Fencing = keyof Kinds;

// Each module is registered under the name its draw writes.
fencingKinds satisfies { [K in Fencing]: FencingKindModule<K, z.ZodRawShape, object, object> };

type Merged = MergedSettings<Kinds>;

/** Every kind's settings, resolved (each kind's, whichever is chosen). */
export type FencingSettings = Merged["settings"];
/** Every kind's settings as a scenario's `failover` writes them. */
export type FencingSpec = Merged["spec"];
/** Every kind's fields in a scenario's `failover`, merged. */
export type FencingFields = Merged["fields"];

/** Every fencing kind, in registry order. */
export const fencingNames = Object.keys(fencingKinds) as [Fencing, ...Fencing[]];

/** Every kind's fields in one shape, in registry order. */
export const fencingFields = Object.assign(
  {},
  ...fencingNames.map((name) => fencingKinds[name].fields),
) as FencingFields;

/** The module of a kind, typed for any (the one cast from a name to its module). */
export function fencingKindOf(
  name: Fencing,
): FencingKindModule<Fencing, FencingFields, FencingSettings, FencingSpec> {
  return fencingKinds[name] as unknown as FencingKindModule<
    Fencing,
    FencingFields,
    FencingSettings,
    FencingSpec
  >;
}

/** The model's mechanisms a kind engages. */
export function fencingMechanisms(name: Fencing): FencingMechanisms {
  return fencingKinds[name].mechanisms;
}

/** Every kind's settings resolved from a scenario's parsed `failover`. */
export function fencingSettings(
  failover: Partial<z.output<z.ZodObject<FencingFields>>>,
): FencingSettings {
  return Object.assign(
    {},
    ...fencingNames.map((name) => fencingKindOf(name).settings(failover)),
  ) as FencingSettings;
}

export type { FencingMechanisms } from "./fencing-kind.ts";
export { drawLease } from "./lease.ts";
export type { StonithConfig } from "./stonith.ts";
