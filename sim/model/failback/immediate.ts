// Immediate failback: as soon as the original primary is a healthy, caught-up standby, the
// current primary steps down and the original is promoted (HAProxy's backup server, Pacemaker
// without stickiness).
import type { FailbackKindModule } from "./failback-kind.ts";

const kind: FailbackKindModule<"immediate", {}, {}, {}> = {
  fields: {},
  defaults: {},
  settings: () => ({}),
  check: () => {},
  due: () => true,
  byOperator: false,
  describe: () => "failback immediate",
  draw: () => ({ failback: "immediate" }),
};
export default kind;
