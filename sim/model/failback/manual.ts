// Manual failback: an operator hands the role back — paged once the original primary is a
// healthy, caught-up standby, acting after the operator's delay (failover.operator), which a
// scenario with this policy must give.
import { drawOperator, requireOperator } from "../operator-needs.ts";
import type { FailbackKindModule } from "./failback-kind.ts";

const kind: FailbackKindModule<"manual", {}, {}, {}> = {
  fields: {},
  defaults: {},
  settings: () => ({}),
  check: (site) => requireOperator(site, "perform the manual failback"),
  due: () => true,
  byOperator: true,
  describe: () => "failback manual",
  draw: (rng) => ({ failback: "manual", operator: drawOperator(rng) }),
};
export default kind;
