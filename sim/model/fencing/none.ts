// No fencing: nothing keeps a deposed primary from taking writes (Redis Sentinel has none on the
// write path). Split brain lasts until the old primary hears of the new one.
import type { FencingKindModule } from "./fencing-kind.ts";

const kind: FencingKindModule<"none", {}, {}, {}> = {
  fields: {},
  defaults: {},
  settings: () => ({}),
  check: () => {},
  mechanisms: {
    powersOffFirst: false,
    refusesStaleEpoch: false,
    holdsLease: false,
    needsReplicas: false,
  },
  describe: () => "no fencing",
  draw: () => ({ fencing: "none" }),
  settleUs: () => 0,
};
export default kind;
