// Patroni (PostgreSQL): the primary holds a leader key with a TTL in a distributed configuration
// store (etcd, Consul, ZooKeeper, Kubernetes) and refreshes it every HA loop; when the key expires
// the healthiest replica takes it and promotes itself.
// How it maps onto the model: the monitors are the DCS; "lease" detection suspects a node whose
// key was not refreshed for ttl, and "lease" fencing is Patroni's self-demotion: a leader that
// could not refresh for loop_wait + retry_timeout stops taking writes before the key can expire.
// Assumptions: replicas race as soon as the key expires, then promote like a hot standby (1 s),
// so a crash is detected 20–30 s after it (the last refresh came 0–10 s before) and writes resume
// ≈ 1 s later; the documented worst case, ttl + loop_wait = 40 s, assumes a replica only notices
// on its next loop. No watchdog and no failsafe_mode (both off by default).
import { withOverrides } from "../policy-merge.ts";
import type { PolicyOverrides, PolicySpecOf } from "../policy-spec.ts";

/**
 * Patroni defaults.
 * - Detector: lease in the DCS, ttl 30 s, refreshed every loop_wait 10 s.
 * - Fencing: lease — the leader demotes itself after loop_wait + retry_timeout (10 s + 10 s)
 *   without a successful refresh.
 * - Failback never; a diverged old primary is rewound (30 s) before it follows. No
 *   anti-flapping beyond the lease. Replication async.
 * - maximum_lag_on_failover 1 MiB of WAL, taken as 1 s of log (see below).
 * - Typical failover ≈ 21–31 s after a crash.
 */
export function patroni(overrides: PolicyOverrides = {}): PolicySpecOf<"patroni"> {
  return withOverrides(
    {
      preset: "patroni",
      /** The leader key's TTL decides (patroni/patroni patroni/ha.py). */
      detector: { kind: "lease" },
      /** Asynchronous unless synchronous_mode is on (patroni/patroni docs/replication_modes.rst). */
      replication: { mode: "async" },
      failover: {
        /** The DCS's own consensus supplies the quorum: one (replicated) store decides. */
        quorum: 1,
        /** Self-demotion of a leader that cannot refresh its key (patroni/patroni docs/watchdog.rst). */
        fencing: "lease",
        /** ttl 30 s, loop_wait 10 s, retry_timeout 10 s; Patroni keeps loop_wait + 2 × retry_timeout ≤ ttl
         *  (patroni/patroni patroni/config.py, docs/dynamic_configuration.rst). */
        lease: { ttl: "30s", renewEvery: "10s", retryTimeout: "10s" },
        /** The old primary rejoins as a replica (patroni/patroni docs). */
        failback: "never",
        /** A diverged old primary is rewound with pg_rewind before it follows — Patroni does so when
         *  postgresql.use_pg_rewind is on (patroni/patroni patroni/postgresql/rewind.py). It is off by
         *  default (patroni/patroni docs/yaml_configuration.rst) but on in the usual deployments; with it off and
         *  without remove_data_directory_on_diverged_timelines, a diverged old primary cannot stream
         *  until someone reinitialises it: `rejoin: "manual"`. rewindIn: our assumption, 30 s. */
        rejoin: "rewind",
        /** maximum_lag_on_failover is 1 048 576 bytes of WAL (patroni/patroni patroni/global_config.py);
         *  the model measures lag in time, so we assume a moderately busy primary writing 1 MiB of WAL
         *  per second: 1 MiB ≈ 1 s. Scale it as 1 MiB ÷ your WAL rate, or "unlimited" to turn it off. */
        maxLagOnFailover: "1s",
        /** No anti-flapping block: only the lease and primary_race_backoff (0, off). */
        blockFor: "0s",
      },
    },
    overrides,
  );
}
