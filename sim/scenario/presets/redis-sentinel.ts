// Redis Sentinel: a set of Sentinels pings the master; each one that hears nothing for
// down-after-milliseconds calls it subjectively down, `quorum` of them make it objectively down,
// and a Sentinel elected by a majority of all Sentinels promotes the best replica.
// How it maps onto the model: the timeout detector is the per-Sentinel SDOWN rule; failover.quorum
// is the ODOWN quorum; the model's acting controller (a monitor connected to a majority of
// monitors) stands for the leader vote, so a minority side never fails over. ODOWN polling, the
// election's random desync and SLAVEOF NO ONE are folded into the standby's promoteIn.
// Assumptions: one master with the sample file's quorum 2, so a scenario needs at least two
// monitors (three, as in the sample deployment) — or `failover: { quorum: 1 }` as an override.
import { withOverrides } from "../policy-merge.ts";
import type { PolicyOverrides, PolicySpecOf } from "../policy-spec.ts";

/**
 * Redis Sentinel defaults.
 * - Detector: timeout, ping every 1 s, down after 30 s of silence (SDOWN).
 * - Quorum 2 Sentinels (the sample sentinel.conf) — needs at least 2 monitors.
 * - Fencing none: an isolated master keeps acknowledging writes (`fencing: "min-replicas"` models
 *   min-replicas-to-write 1 / min-replicas-max-lag 10 s).
 * - Failback never; anti-flapping: no new automatic failover for 6 min (2 × failover-timeout).
 * - Replication async; promotion 2 s after the decision. Typical failover ≈ 31–32 s.
 */
export function redisSentinel(overrides: PolicyOverrides = {}): PolicySpecOf<"redisSentinel"> {
  return withOverrides(
    {
      preset: "redisSentinel",
      detector: {
        kind: "timeout",
        /** SENTINEL_PING_PERIOD 1000 ms (redis/redis src/sentinel.c). */
        interval: "1s",
        /** down-after-milliseconds default 30 000 ms (redis/redis sentinel.conf). */
        timeout: "30s",
      },
      /** Asynchronous; WAIT is per command and not modelled (redis.io Sentinel docs). */
      replication: { mode: "async" },
      failover: {
        /** No default quorum exists; `sentinel monitor mymaster 127.0.0.1 6379 2` in the sample
         *  (redis/redis sentinel.conf). */
        quorum: 2,
        /** None on the write path; min-replicas-to-write defaults to 0 = off (redis/redis redis.conf). */
        fencing: "none",
        /** The returning master is reconfigured as a replica of the new one (redis.io Sentinel docs), */
        failback: "never",
        /** ...by Sentinel at once (REPLICAOF; redis/redis src/sentinel.c, "+convert-to-slave"). */
        rejoin: "standby",
        /** After a failover attempt a Sentinel waits 2 × failover-timeout (180 000 ms) before
         *  trying the same master again (redis/redis sentinel.conf, src/sentinel.c). */
        blockFor: "6m",
        flapWindow: "6m",
        /** Sentinel ranks replicas by priority and offset but has no lag cutoff in time. */
        maxLagOnFailover: "unlimited",
      },
      standby: {
        /** ODOWN polling every SENTINEL_ASK_PERIOD 1000 ms (mean 0.5 s) + the election's random
         *  0–1000 ms desync SENTINEL_MAX_DESYNC (mean 0.5 s), both src/sentinel.c, + SLAVEOF NO ONE
         *  and the configuration update (our assumption: 1 s). */
        promoteIn: "2s",
      },
    },
    overrides,
  );
}
