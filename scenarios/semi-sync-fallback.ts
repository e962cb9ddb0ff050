// Semi-synchronous replication quietly becomes asynchronous.
//
// The story: db1 waits for db2 to confirm each write before acknowledging it (semi-sync, as
// MySQL does) — but only for `semiSyncTimeout`, here 2 s. At 1 minute the replication link
// between db1 and db2 breaks (the monitor still sees both). The next writes wait 2 s, then db1
// gives up waiting, acknowledges them and carries on asynchronously: clients see one slow
// moment, then nothing. At 1 m 30 s db1's host dies. The monitor promotes db2, which never got
// anything written in those 30 seconds: every one of those acknowledged writes is lost.
//
// Compare `--set replication.mode=sync`: the same writes are never acknowledged — the clients
// see failures (downtime_s grows) but lost_writes is 0.
//
// What to watch: in events.csv the "semi-sync: timed out … falls back to async" line, then
// lost_writes and rpo_s (about 30 s).
//
// The lesson: semi-sync protects you only while the standby is there. During a standby outage
// it is async, and the next primary failure loses data. Alert on the fallback.
import { at, crash, defineScenario, partition } from "failover-sim";

export default defineScenario({
  name: "semi-sync-fallback",
  summary: "Semi-sync falls back to async during a standby outage; the next primary crash loses those writes.",
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
  expect: { failovers: 1, lostWrites: { min: 1 } },
});
