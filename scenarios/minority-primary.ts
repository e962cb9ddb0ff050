// A minority-side primary keeps acknowledging writes: the shape of Jepsen's Redis Sentinel test.
//
// What happened (Kyle Kingsbury, "Jepsen: Redis", 2013, https://aphyr.com/posts/283-jepsen-redis):
// five hosts n1–n5, each running Redis and a Sentinel, n1 the master, asynchronous replication,
// clients on every host. A partition split {n1, n2} from {n3, n4, n5}. The Sentinels of the
// majority promoted a new master, while n1 went on acknowledging the writes of the clients on its
// side for the whole partition. At the heal n1 was demoted and everything it had taken alone
// vanished: 56 % of the acknowledged writes were lost.
//
// What to watch (seed 1): the suspicion at 1:29, db3 primary at 1:31, two primaries until 3:00 —
// split_brain_s 89.0; divergent_writes 3,476; lost_writes 4,768 (4,654–4,918 over seeds 1–20),
// 47 % of the 10,051 writes acknowledged during the partition (Jepsen: 56 %); rpo_s 120.0. The
// majority's clients had no primary for 31 s: downtime_s 18.5.
//
// Try: `--set failover.fencing=min-replicas` (Redis's min-replicas-to-write 1): no change at
// all — db1 still has a replica, db2, on its side. Add `--set failover.minReplicas=2`: db1
// refuses writes 10 s into the partition, before the promotion — split_brain_s 0, lost_writes
// 391, and the minority's clients get errors instead (downtime_s 62.8).
import { at, defineScenario, heal, partition, presets } from "failover-sim";

export default defineScenario({
  name: "minority-primary",
  summary:
    "Jepsen's Redis Sentinel case: a primary cut off with a minority acknowledges writes that are then lost.",
  story:
    "The same five hosts as zones n1–n5, each with a database node (db1 the primary), a " +
    "Sentinel (s1–s5) and a client group (c1–c5) writing 20/s; presets.redisSentinel (down " +
    "after 30 s, quorum 2, failover by a Sentinel that reaches a majority, no fencing). At " +
    "1:00 the network splits {n1, n2} | {n3, n4, n5} for two minutes. The majority's " +
    "Sentinels promote db3 (Jepsen's run picked n5) and repoint their clients; s1 and s2 " +
    "cannot act, and the clients of n1 and n2 keep writing to db1, which keeps acknowledging " +
    "— db2 even keeps replicating it. At 3:00 the network heals: db1 and db2 rewind to db3's " +
    "history.",
  lesson:
    "Without fencing, a primary that can still reach some clients keeps acknowledging writes " +
    "after a majority elsewhere elects a successor, so with asynchronous replication " +
    '"acknowledged" does not mean "kept".',
  questions: [
    {
      q:
        "Sentinel's failover needs a majority. How can it still lose half of the acknowledged " +
        "writes?",
      a:
        "The majority rule only decides who may promote; nothing stops the old master on the " +
        "minority side from accepting writes, which are discarded when it rejoins.",
    },
    {
      q: "Why does min-replicas-to-write 1 not help in this partition?",
      a:
        "The minority side holds a replica too (n2), so the old master still has one connected " +
        "replica and keeps accepting writes.",
    },
    {
      q: "What kind of system would lose nothing here?",
      a:
        "One that acknowledges a write only once a majority holds it (Raft, Paxos): the minority " +
        "side could then acknowledge nothing (preset-raft.ts).",
    },
  ],
  duration: "6m",
  seed: 1,
  // Hosts n1–n5 are zones: on each a database node, a Sentinel and a client group.
  nodes: {
    db1: { role: "primary", zone: "n1" },
    db2: { role: "standby", zone: "n2" },
    db3: { role: "standby", zone: "n3" },
    db4: { role: "standby", zone: "n4" },
    db5: { role: "standby", zone: "n5" },
    s1: { role: "monitor", zone: "n1" },
    s2: { role: "monitor", zone: "n2" },
    s3: { role: "monitor", zone: "n3" },
    s4: { role: "monitor", zone: "n4" },
    s5: { role: "monitor", zone: "n5" },
  },
  policy: presets.redisSentinel(),
  clients: [
    { name: "c1", writes: "20/s", zone: "n1" },
    { name: "c2", writes: "20/s", zone: "n2" },
    { name: "c3", writes: "20/s", zone: "n3" },
    { name: "c4", writes: "20/s", zone: "n4" },
    { name: "c5", writes: "20/s", zone: "n5" },
  ],
  faults: [at("1m", partition(["n1", "n2"], ["n3", "n4", "n5"])), at("3m", heal())],
  expect: {
    failovers: 1,
    falseFailovers: 1,
    splitBrainS: { min: 60 },
    divergentWrites: { min: 1 },
    lostWrites: { min: 1 },
  },
});
