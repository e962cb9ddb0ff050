// pg_auto_failover (PostgreSQL): one monitor runs the group's state machine and is the only
// decision point; a keeper on each node reports to it. The monitor declares a node unhealthy
// after node_considered_unhealthy_timeout of keeper silence with failing health checks, then
// drains the primary and promotes the standby. A primary that reaches neither the monitor nor a
// standby for network_partition_timeout stops itself.
// How it maps onto the model: a consecutive detector with the monitor's health-check period and
// timeout, needing 20 s of failed checks (4 × 5 s); "lease" fencing with a 1 s keeper loop so that
// the primary fences itself 20 s after it last reached the monitor; "semi-sync" replication for
// "synchronous while a healthy standby exists, async once the monitor has declared it unhealthy"
// (after the same 20 s); the 30 s drain allowance as the standby's promoteIn.
// Approximations: the model's self-fencing only counts contact with the monitor, not with a
// standby; the asymmetric-partition rule (hold promotion 90 s) is not modelled; health-check
// retries (2 × 2 s) are folded into the 4 × 5 s window.
import { withOverrides } from "../policy-merge.ts";
import type { PolicyOverrides, PolicySpecOf } from "../policy-spec.ts";

/**
 * pg_auto_failover defaults.
 * - Detector: consecutive health checks every 5 s with a 5 s timeout, unhealthy after 4 failures
 *   (node_considered_unhealthy_timeout 20 s).
 * - Fencing: the primary stops itself 20 s after it last reached the monitor (network_partition_timeout).
 * - Replication: semi-sync, 1 standby, falling back to async after 20 s.
 * - Promotion: 30 s drain allowance (primary_demote_timeout). Failback never; a diverged old
 *   primary is rewound (30 s) before it follows.
 * - Typical failover ≈ 50–55 s after a crash (20–25 s detection + 30 s drain).
 */
export function pgAutoFailover(overrides: PolicyOverrides = {}): PolicySpecOf<"pgAutoFailover"> {
  return withOverrides(
    {
      preset: "pgAutoFailover",
      detector: {
        kind: "consecutive",
        /** health_check_period 5000 ms in the code (src/monitor/pg_auto_failover.c) and the 1.6 / 2.x
         *  man page; docs/ref/configuration.rst says 20 000 ms — the sources disagree, we follow the code. */
        interval: "5s",
        /** health_check_timeout 5000 ms (hapostgres/pg_auto_failover src/monitor/pg_auto_failover.c). */
        probeTimeout: "5s",
        /** node_considered_unhealthy_timeout 20 000 ms ÷ the 5 s period (the monitor's settings, src/monitor/pg_auto_failover.c). */
        failures: 4,
        successes: 1,
      },
      replication: {
        /** Synchronous while a healthy standby exists; WAIT_PRIMARY runs async once the monitor has
         *  declared the standby unhealthy (docs/architecture-multi-standby.rst). */
        mode: "semi-sync",
        waitFor: 1,
        /** The primary waits for the monitor's verdict: node_considered_unhealthy_timeout 20 s. */
        semiSyncTimeout: "20s",
      },
      failover: {
        /** One monitor decides alone; while it is down there is no failover (docs/fault-tolerance.rst). */
        quorum: 1,
        fencing: "lease",
        /** network_partition_timeout 20 s (src/bin/pg_autoctl/defaults.h): the keeper loop runs every
         *  1 s, so a primary without a successful contact for 1 s + 19 s stops itself. ttl is only used
         *  if the detector is switched to "lease": the monitor's 20 s. */
        lease: { ttl: "20s", renewEvery: "1s", retryTimeout: "19s" },
        /** The old primary rejoins as a standby via pg_rewind (docs/fault-tolerance.rst). */
        failback: "never",
        /** pg_autoctl rewinds a demoted primary with pg_rewind before it follows
         *  (docs/fault-tolerance.rst); rewindIn: our assumption, 30 s. */
        rejoin: "rewind",
        /** Only the state machine and startup_grace_period damp flapping: no block. */
        blockFor: "0s",
        /** Only a standby within promote_wal_log_threshold, 16 MiB of WAL, may be promoted
         *  (src/monitor/pg_auto_failover.c); at an assumed 1 MiB/s of WAL (as in patroni.ts) that is 16 s. */
        maxLagOnFailover: "16s",
      },
      standby: {
        /** primary_demote_timeout 30 000 ms: a crashed or cut-off primary never confirms its drain, so
         *  the monitor waits the whole allowance before the standby is promoted (src/monitor/pg_auto_failover.c). */
        promoteIn: "30s",
      },
    },
    overrides,
  );
}
