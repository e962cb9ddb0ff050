// A policy fills a scenario: the order at resolution is defaults < policy < the scenario's own
// `detector`, `replication` and `failover` (merged by the rule of policy-merge.ts); the policy's
// standby settings fill the nodes that leave them out. Pure functions on plain data.
import { valueAt } from "../dsl/index.ts";
import { mergePolicy } from "./policy-merge.ts";
import type { ParsedScenario } from "./schema.ts";

/** The scenario with its policy folded in: defaults < policy < the scenario's own fields. */
export function applyPolicy(spec: ParsedScenario): ParsedScenario {
  const policy = spec.policy;
  if (policy === undefined) return spec;
  const own = { detector: spec.detector, replication: spec.replication, failover: spec.failover };
  const merged = mergePolicy(
    { detector: policy.detector, replication: policy.replication, failover: policy.failover },
    own,
  );
  const standby = policy.standby ?? {};
  const nodes = Object.fromEntries(
    Object.entries(spec.nodes).map(([name, node]) => {
      if (node.role !== "primary" && node.role !== "standby") return [name, node];
      const promoteIn = node.promoteIn ?? standby.promoteIn;
      const readiness =
        node.role === "standby" ? (node.readiness ?? standby.readiness) : node.readiness;
      return [
        name,
        {
          ...node,
          ...(promoteIn === undefined ? {} : { promoteIn }),
          ...(readiness === undefined ? {} : { readiness }),
        },
      ];
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
  return own === undefined && valueAt(input, ["policy", ...path]) !== undefined
    ? ["policy", ...path]
    : [...path];
}
