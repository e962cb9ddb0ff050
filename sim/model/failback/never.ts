// No failback: the original primary rejoins as a standby and stays one (Redis Sentinel, Patroni
// and pg_auto_failover never fail back on their own).
import type { FailbackKindModule } from "./failback-kind.ts";

const kind: FailbackKindModule<"never", {}, {}, {}> = {
  fields: {},
  defaults: {},
  settings: () => ({}),
  check: () => {},
  due: () => false,
  byOperator: false,
  describe: () => "no failback",
  draw: () => ({ failback: "never" }),
};
export default kind;
