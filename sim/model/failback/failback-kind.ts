// What a failback policy is — whether and when the original primary takes its role back once it
// is a healthy, caught-up standby — one module holding every facet of it (failback/<kind>.ts), the
// registry (failback/index.ts) the only list:
//   DSL        its settings among a scenario's `failover` fields (zod) and their defaults, each
//              with its unit and source, resolved whichever policy is chosen;
//   resolve    a check of what it needs (a manual failback needs an operator);
//   model      when the controller hands the role back (controller.ts asks `due`), and whether
//              an operator does it;
//   describe   its phrase in `sim explain`;
//   fuzz       how the swarm draws it.
// Every facet is required: a policy that leaves one out does not compile.
import type * as z from "zod";
import type { Rng } from "../../engine/index.ts";
import type { ResolveContext } from "../../dsl/index.ts";
import type { SettingsFacets } from "../kind-settings.ts";

export interface FailbackKindModule<
  Name extends string,
  Fields extends z.ZodRawShape,
  Settings extends object,
  Spec extends object,
> extends SettingsFacets<Fields, Settings, Spec> {
  /** Fails (failAt) when the scenario lacks what the policy needs. */
  check(site: { context: ResolveContext; hasOperator: boolean }): void;
  /** Whether the role goes back now, the original primary healthy since `healthySinceUs`. */
  due(healthySinceUs: number, nowUs: number, settings: Settings): boolean;
  /** An operator hands the role back (paged, after the operator's delay), not the controller. */
  readonly byOperator: boolean;
  /** "no failback", "failback hold-down". */
  describe(): string;
  /** The swarm's draw: the scenario's `failover` fields for this policy. */
  draw(rng: Rng): { failback: Name } & Record<string, unknown>;
}
