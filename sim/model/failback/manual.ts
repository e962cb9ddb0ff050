// Manual failback: an operator hands the role back — paged once the original primary is a
// healthy, caught-up standby, acting after the operator's delay (failover.operator), which a
// scenario with this policy must give.
import { drawDuration, failAt } from "../../dsl/index.ts";
import type { FailbackKindModule } from "./failback-kind.ts";

const sUs = 1_000_000;

const kind: FailbackKindModule<"manual", {}, {}, {}> = {
  fields: {},
  defaults: {},
  settings: () => ({}),
  check: ({ context, hasOperator }) => {
    if (!hasOperator)
      failAt(
        context,
        ["failover", "operator"],
        `an operator ({ delay: "5m..15m" }) to perform the manual failback`,
        "none",
      );
  },
  due: () => true,
  byOperator: true,
  describe: () => "failback manual",
  draw: (rng) => ({
    failback: "manual",
    operator: {
      delay: `${drawDuration(rng, 5 * sUs, 20 * sUs)}..${drawDuration(rng, 20 * sUs, 60 * sUs)}`,
    },
  }),
};
export default kind;
