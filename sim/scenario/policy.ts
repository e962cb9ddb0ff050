// A policy fills a scenario: how a preset's values, the overrides handed to it, and the
// scenario's own fields combine. One rule everywhere: plain objects merge key by key, anything
// else (a string, a number, an array) is replaced whole, and a field left undefined changes
// nothing. One exception keeps detectors coherent: a detector of another kind replaces the
// detector it overrides instead of merging into it (a 10 s probe interval meant for a
// consecutive detector must not leak into a timeout detector). The order at resolution is
// defaults < policy < the scenario's `detector`, `replication` and `failover`; the policy's
// standby settings fill the nodes that leave them out. Pure functions on plain data.
import type { PolicySpec } from "./define.ts";
import { valueAt } from "../dsl/index.ts";
import type { ParsedScenario } from "./schema.ts";

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
  if (baseKind !== undefined && overKind !== undefined && baseKind !== overKind) merged.detector = over.detector;
  return merged;
}

/** A preset's policy with the user's overrides merged over it (what `presets.<name>(overrides)` returns). */
export function withOverrides(policy: PolicySpec, overrides: Omit<PolicySpec, "preset"> = {}): PolicySpec {
  return mergePolicy(policy, overrides);
}

/** The scenario with its policy folded in: defaults < policy < the scenario's own fields. */
export function applyPolicy(spec: ParsedScenario): ParsedScenario {
  const policy = spec.policy;
  if (policy === undefined) return spec;
  const own = { detector: spec.detector, replication: spec.replication, failover: spec.failover };
  const merged = mergePolicy({ detector: policy.detector, replication: policy.replication, failover: policy.failover }, own);
  const standby = policy.standby ?? {};
  const nodes = Object.fromEntries(
    Object.entries(spec.nodes).map(([name, node]) => {
      if (node.role !== "primary" && node.role !== "standby") return [name, node];
      const promoteIn = node.promoteIn ?? standby.promoteIn;
      const readiness = node.role === "standby" ? (node.readiness ?? standby.readiness) : node.readiness;
      return [name, { ...node, ...(promoteIn === undefined ? {} : { promoteIn }), ...(readiness === undefined ? {} : { readiness }) }];
    }),
  );
  return { ...spec, ...merged, nodes };
}

/**
 * The path at which a resolved value was written, for error messages: the scenario's own field,
 * or — when the scenario leaves it out and its policy sets it — the policy's (`policy.failover.quorum`).
 */
export function writtenAt(input: unknown, path: readonly PropertyKey[]): PropertyKey[] {
  const own = valueAt(input, path);
  return own === undefined && valueAt(input, ["policy", ...path]) !== undefined ? ["policy", ...path] : [...path];
}
