// Stay down or lose data: Patroni's maximum lag on failover.
//
// What to watch (seed 1): the "no candidate … further behind than maxLagOnFailover" event at
// 2:04, db1 primary again at 4:00; downtime_s 120.0, lost_writes 0, failovers 0; max_lag_s 193.8
// (db2 never catches up).
//
// Try: `--set failover.maxLagOnFailover=unlimited` — db2 is promoted within seconds (downtime_s
// 5.0) and the ~30 s of writes it never received are lost for good (lost_writes 6,110; db1
// rewinds them away when it rejoins).
import { at, crash, defineScenario, restart } from "failover-sim";

export default defineScenario({
  name: "max-lag-guard",
  summary: "A lagging standby is not promoted: the cluster stays down instead of losing writes.",
  story:
    "The standby db2 sits behind a replication link that carries 150 log entries per second " +
    "while clients write 200/s, so db2 falls further behind every second (about a quarter of " +
    "a second per second). At 2 minutes the primary db1 crashes; it restarts 2 minutes later. " +
    "db2 holds nothing newer than about 30 s before the crash. The failover policy refuses to " +
    "promote a standby more than 10 s behind the primary (`failover.maxLagOnFailover`, " +
    "Patroni's maximum_lag_on_failover): the cluster stays down until db1 is back — two " +
    "minutes of downtime, no write lost.",
  lesson:
    "A lag limit on promotion turns data loss into downtime, a business choice to make " +
    "explicitly while watching replication lag so it rarely comes up.",
  questions: [
    {
      q: "A healthy standby was available. Why did the cluster stay down for two minutes?",
      a:
        "It was 30 s behind; promoting it would have thrown away 30 s of acknowledged writes, and " +
        "the policy prefers waiting for the old primary.",
    },
    {
      q: "When is the opposite choice (promote anyway) right?",
      a:
        "When availability matters more than the last seconds of data (a cache, a feed), or when " +
        "the old primary may never come back.",
    },
    {
      q: "How do you keep this dilemma rare?",
      a:
        "Size replication for the write rate, alert on lag, and keep a standby close enough to " +
        "stay within the limit.",
    },
  ],
  duration: "6m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", readiness: "hot", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms", links: { "db1->db2": { bandwidth: "150/s" } } },
  replication: { mode: "async", lag: "10ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  failover: { maxLagOnFailover: "10s" },
  clients: { writes: "200/s", zone: "a" },
  faults: [at("2m", crash("db1")), at("4m", restart("db1"))],
  expect: { failovers: 0, lostWrites: 0, downtimeS: { min: 100 } },
});
