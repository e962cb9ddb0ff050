// Apache Kafka (KRaft): a partition's leader takes writes and its followers fetch from it; the
// in-sync replica set (ISR) is the followers caught up with the leader, kept by the leader and
// committed by the controller; the controller fences a broker that stops heartbeating and elects
// a new leader from the ISR.
// How it maps onto the model: the monitors are the controller quorum and brokers heartbeat them
// as lease renewals (broker.heartbeat.interval.ms 2 s; fenced after broker.session.timeout.ms
// 9 s without one: "lease" detection); replication "isr" is acks=all — a write is acknowledged
// once every ISR follower has it, a follower not caught up for replica.lag.time.max.ms leaves the
// ISR, and with fewer than min.insync.replicas in it the leader refuses writes
// (NotEnoughReplicas); the election takes only an ISR member unless unclean election is on.
// Assumptions: one partition; a new leader takes writes 500 ms after the controller's decision
// (our assumption: the metadata propagates and the leader epoch starts); a leader cut off from
// the controller keeps taking appends it can never acknowledge (its ISR changes are refused),
// so no fencing beyond that is modelled; no preferred-leader rebalancing
// (auto.leader.rebalance.enable) — the old leader rejoins as a follower.
import { withOverrides } from "../policy-merge.ts";
import type { PolicyOverrides, PolicySpecOf } from "../policy-spec.ts";

/**
 * Kafka defaults.
 * - Detector: broker heartbeats to the controller every 2 s, fenced after 9 s without one.
 * - Replication: acks=all over the ISR; min.insync.replicas 2; replica.lag.time.max.ms 30 s.
 * - Election from the ISR only (unclean.leader.election.enable false); failback never.
 * - Typical failover ≈ 7–9 s after a leader's crash (its last heartbeat 0–2 s before).
 */
export function kafka(overrides: PolicyOverrides = {}): PolicySpecOf<"kafka"> {
  return withOverrides(
    {
      preset: "kafka",
      /** Brokers heartbeat the active controller; a broker whose session expires is fenced
       *  (Kafka documentation, KRaft broker configs). */
      detector: { kind: "lease" },
      replication: {
        /** Producer acks=all, the default since Kafka 3.0 (KIP-679): every ISR member has it. */
        mode: "isr",
        /** min.insync.replicas: the broker default is 1; 2 is the production choice the Kafka
         *  documentation recommends with replication factor 3 ("Availability and Durability
         *  Guarantees"), so that acks=all means two copies. */
        minInsync: 2,
        /** replica.lag.time.max.ms 30 000 ms since Kafka 2.5 (KIP-537; 10 000 before). */
        lagTimeMax: "30s",
      },
      failover: {
        /** The active controller alone decides (the controller quorum replicates its log). */
        quorum: 1,
        /** broker.heartbeat.interval.ms 2000, broker.session.timeout.ms 9000 (Kafka documentation,
         *  broker configs); retryTimeout is unused without lease fencing. */
        lease: { ttl: "9s", renewEvery: "2s" },
        /** A deposed leader cannot acknowledge: its followers follow the new one and the
         *  controller refuses its ISR changes. */
        fencing: "none",
        /** unclean.leader.election.enable false since Kafka 0.11 (broker configs). */
        uncleanElection: false,
        /** The old leader rejoins as a follower (preferred-leader rebalancing is not modelled). */
        failback: "never",
        /** A returning broker truncates its log to the high watermark and fetches from the
         *  leader as a follower (Kafka's replication design): no rewind or copy step. */
        rejoin: "standby",
        blockFor: "0s",
      },
      /** Our assumption: a new leader takes writes half a second after the election. */
      standby: { promoteIn: "500ms" },
    },
    overrides,
  );
}
