// Semi-synchronous replication quietly becomes asynchronous.
//
// What to watch (seed 1): the "semi-sync: timed out … falls back to async" event at 1:02 (in
// events.csv and `sim explain`), the crash at 1:30, db2 primary at 1:35; lost_writes 6,037 and
// rpo_s 30.0 — the whole time db1 ran alone. (db2, now primary without a standby, falls back
// to async in turn at 1:37.)
//
// Try: `--set replication.mode=sync` — the same writes are never acknowledged: lost_writes 0,
// but downtime_s 180.0, since writes fail from the moment the link breaks and db2, alone after
// the failover, can commit nothing either.
import { at, crash, defineScenario, partition } from "failover-sim";

export default defineScenario({
  name: "semi-sync-fallback",
  summary:
    "Semi-sync falls back to async during a standby outage; the next primary crash loses those writes.",
  story:
    "db1 waits for db2 to confirm each write before acknowledging it (semi-sync, as MySQL " +
    "does) — but only for `semiSyncTimeout`, here 2 s. At 1 minute the replication link " +
    "between db1 and db2 breaks (the monitor still sees both). The next writes wait 2 s, then " +
    "db1 gives up waiting, acknowledges them and carries on asynchronously: clients see one " +
    "slow moment, then nothing. At 1 m 30 s db1's host dies. The monitor promotes db2, which " +
    "never got anything written in those 30 seconds: every one of those acknowledged writes " +
    "is lost.",
  lesson:
    "Semi-sync protects you only while the standby is there: during a standby outage it is " +
    "async and the next primary failure loses data, so alert on the fallback.",
  questions: [
    {
      q: "The cluster ran semi-synchronous replication. Why were 30 s of writes lost?",
      a:
        "After 2 s without a standby acknowledgement db1 fell back to async and acknowledged " +
        "writes no standby held; its crash 30 s later took them along.",
    },
    {
      q: "Why does semi-sync fall back at all?",
      a:
        "To stay available when the standby is down or slow; the price is that durability " +
        "silently degrades to async exactly when redundancy is already reduced.",
    },
    {
      q: "What would you alert on?",
      a:
        "The fallback itself (MySQL's Rpl_semi_sync_source_status off) and replication lag, and " +
        'treat them as "we are one failure away from data loss".',
    },
  ],
  duration: "4m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", readiness: "hot", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  replication: { mode: "semi-sync", semiSyncTimeout: "2s", lag: "0ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  clients: { writes: "200/s", zone: "a", timeout: "5s" },
  faults: [at("1m", partition(["db1"], ["db2"])), at("90s", crash("db1"))],
  expect: { failovers: 1, lostWrites: { min: 1000 }, rpoS: { min: 25 } },
});
