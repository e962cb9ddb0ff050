// rewind: a deposed primary whose log diverged from the new primary's is first rewound —
// PostgreSQL's pg_rewind, which Patroni runs with `use_pg_rewind` (patroni/patroni
// patroni/postgresql/rewind.py) and pg_auto_failover on every demoted primary
// (hapostgres/pg_auto_failover docs/fault-tolerance.rst) — and follows after `rewindIn`; one
// whose log holds nothing the new primary lacks follows at once, as Patroni skips the rewind
// when the node's WAL ends before the new timeline's switch point.
import {
  drawDuration,
  duration,
  parseDuration,
  spokenDuration,
  type Duration,
} from "../../dsl/index.ts";
import type { RejoinKindModule } from "./rejoin-kind.ts";

export interface RewindSpec {
  /** rewind: how long pg_rewind and the restart after it take. Default "30s". */
  rewindIn?: Duration;
}

const fields = { rewindIn: duration().optional() };

/** Our assumption: pg_rewind copies only the blocks changed since the timelines diverged, then
 *  PostgreSQL restarts and replays WAL from the last common checkpoint (checkpoint_timeout
 *  defaults to 5 min) — tens of seconds on a busy server. */
const defaults = { rewindIn: "30s" } as const;

const sUs = 1_000_000;

const kind: RejoinKindModule<"rewind", typeof fields, { rewindInUs: number }, RewindSpec> = {
  fields,
  defaults,
  settings: (failover) => ({ rewindInUs: failover.rewindIn ?? parseDuration(defaults.rewindIn) }),
  check: () => {},
  delayUs: ({ diverged }, { rewindInUs }) => (diverged ? rewindInUs : 0),
  settleUs: (_bounds, { rewindInUs }) => rewindInUs,
  describe: ({ rewindInUs }) =>
    `a deposed primary whose log diverged is rewound for ${spokenDuration(rewindInUs)} before it follows the new one`,
  explain: (node, after) =>
    `${node}, a deposed primary whose log diverged from the new primary's, is rewound (pg_rewind) and follows in ${after}.`,
  draw: (rng) => ({ rejoin: "rewind", rewindIn: drawDuration(rng, 1 * sUs, 30 * sUs) }),
};
export default kind;
