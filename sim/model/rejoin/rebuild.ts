// rebuild: a deposed primary is rebuilt from a full copy of the data before it follows, taking
// its node's restoreIn (the time to restore a base backup) whatever its log holds — AWS RDS
// Multi-AZ repairs or replaces the failed primary and makes it the new standby
// (docs.aws.amazon.com, RDS Multi-AZ failover); Patroni reinitialises a diverged replica that
// cannot be rewound when remove_data_directory_on_diverged_timelines is on.
import type { RejoinKindModule } from "./rejoin-kind.ts";

const kind: RejoinKindModule<"rebuild", {}, {}, {}> = {
  fields: {},
  defaults: {},
  settings: () => ({}),
  check: () => {},
  delayUs: ({ restoreInUs }) => restoreInUs,
  settleUs: ({ restoreInUs }) => restoreInUs,
  describe: () =>
    "a deposed primary is rebuilt from a full copy (its restoreIn) before it follows the new one",
  explain: (node, after) =>
    `${node}, a deposed primary, is rebuilt from a full copy of the data and follows the new primary in ${after}.`,
  draw: () => ({ rejoin: "rebuild" }),
};
export default kind;
