// What the registries of kinds whose settings sit among a scenario's `failover` fields share
// (failback policies, rejoin modes): their fields merged into one shape and every kind's settings
// resolved at once, whichever kind is chosen — so a scenario can switch kinds with --set and keep
// the other kinds' settings.
import type * as z from "zod";

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
