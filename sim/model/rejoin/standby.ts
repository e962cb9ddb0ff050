// standby: a deposed primary follows the new primary at once, discarding what its log holds that
// the new primary's lacks — Redis Sentinel reconfigures a returning master as a replica of the
// new one (REPLICAOF; redis/redis src/sentinel.c, "+convert-to-slave"), a Raft follower's
// conflicting entries are overwritten by the leader's. The model's behaviour before rejoin modes
// existed, and the default.
import type { RejoinKindModule } from "./rejoin-kind.ts";

const kind: RejoinKindModule<"standby", {}, {}, {}> = {
  fields: {},
  defaults: {},
  settings: () => ({}),
  check: () => {},
  delayUs: () => 0,
  settleUs: () => 0,
  describe: () => "a deposed primary follows the new one at once",
  explain: (node, after) => `${node}, a deposed primary, follows the new primary in ${after}.`,
  draw: () => ({ rejoin: "standby" }),
};
export default kind;
