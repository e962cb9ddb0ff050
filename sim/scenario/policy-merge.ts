// How a policy's parts combine: plain objects merge key by key, anything else (a string, a
// number, an array) is replaced whole, and a field left undefined changes nothing. One exception
// keeps detectors coherent: a detector of another kind replaces the detector it overrides instead
// of merging into it (a 10 s probe interval meant for a consecutive detector must not leak into a
// timeout detector). Presets merge their overrides with it (withOverrides); resolution folds a
// scenario's policy in with it (policy.ts). Pure functions on plain data.
import { valueAt } from "../dsl/index.ts";
import type { PolicyOverrides, PolicySpecOf } from "./policy-spec.ts";

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `over` merged into `base`, neither changed; plain objects merge, everything else is replaced. */
export function mergeDeep<T>(base: T, over: unknown): T {
  if (over === undefined) return base;
  if (!isPlain(base) || !isPlain(over)) return over as T;
  const merged: Plain = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) merged[key] = mergeDeep(merged[key], value);
  }
  return merged as T;
}

/** The parts of a policy that map onto scenario fields, written or parsed. */
interface PolicyParts {
  detector?: unknown;
  replication?: unknown;
  failover?: unknown;
  standby?: unknown;
}

/** `over` merged into `base` by the policy rule: a detector of another kind replaces the base's. */
export function mergePolicy<T extends PolicyParts>(base: T, over: PolicyParts): T {
  const merged = mergeDeep(base, over);
  const baseKind = valueAt(base, ["detector", "kind"]);
  const overKind = valueAt(over, ["detector", "kind"]);
  if (baseKind !== undefined && overKind !== undefined && baseKind !== overKind)
    merged.detector = over.detector;
  return merged;
}

/** A preset's policy with the user's overrides merged over it (what `presets.<name>(overrides)` returns). */
export function withOverrides<Name extends string>(
  policy: PolicySpecOf<Name>,
  overrides: PolicyOverrides = {},
): PolicySpecOf<Name> {
  return mergePolicy(policy, overrides);
}
