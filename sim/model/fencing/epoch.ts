// Epoch fencing: storage refuses commits from any epoch older than the newest promoted one, and a
// promotion that completes after a newer one did (Raft terms, fencing tokens). The deposed
// primary keeps running but can write nothing durable.
import type { FencingKindModule } from "./fencing-kind.ts";

const kind: FencingKindModule<"epoch", {}, {}, {}> = {
  fields: {},
  defaults: {},
  settings: () => ({}),
  check: () => {},
  mechanisms: {
    powersOffFirst: false,
    refusesStaleEpoch: true,
    holdsLease: false,
    needsReplicas: false,
  },
  describe: () => "fencing by epoch",
  draw: () => ({ fencing: "epoch" }),
  settleUs: () => 0,
};
export default kind;
