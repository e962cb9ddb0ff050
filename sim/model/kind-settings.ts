// What the registries of kinds whose settings sit among a scenario's `failover` fields share
// (fencing kinds, failback policies, rejoin modes): the facets a kind module declares its settings
// with, their fields merged into one shape and every kind's settings resolved at once, whichever
// kind is chosen — so a scenario can switch kinds with --set and keep the other kinds' settings.
import type * as z from "zod";
import type { Intersection } from "./registry-types.ts";

/** A kind's settings among the scenario's `failover` fields: what every such kind module holds. */
export interface SettingsFacets<
  Fields extends z.ZodRawShape,
  Settings extends object,
  Spec extends object,
> {
  readonly fields: Fields;
  /** Its fields as a scenario writes them (for types and editor completion; `fields` checks them). */
  readonly spec?: Spec;
  readonly defaults: Readonly<Record<string, unknown>>;
  settings(failover: Partial<z.output<z.ZodObject<Fields>>>): Settings;
}

type FacetsOf<M> =
  M extends SettingsFacets<infer Fields, infer Settings, infer Spec>
    ? { fields: Fields; settings: Settings; spec: Spec }
    : never;

/** A registry's kinds' settings merged, each facet the intersection over every kind's: `settings`
 *  resolved, `spec` as a scenario writes them, `fields` checked. */
export type MergedSettings<Kinds> = {
  [Facet in "fields" | "settings" | "spec"]: Intersection<
    { [K in keyof Kinds]: FacetsOf<Kinds[K]>[Facet] }[keyof Kinds]
  >;
};

/** Every kind's fields in one shape, in registry order. */
export function mergedFields(modules: readonly { readonly fields: z.ZodRawShape }[]): object {
  return Object.assign({}, ...modules.map((module) => module.fields));
}

/** Every kind's settings resolved from the parsed `failover`, in one object. */
export function mergedSettings<Parsed>(
  modules: readonly { settings(failover: Parsed): object }[],
  failover: Parsed,
): object {
  return Object.assign({}, ...modules.map((module) => module.settings(failover)));
}
