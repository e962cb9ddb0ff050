// Async lost writes: acknowledged, then gone.
//
// How many? Clients write 400/s, so about 400 × 0.5 = 200 acknowledged writes are lost (the
// network's latency adds to the lag, and the latency of the acknowledgement back to the client
// takes away from it — both 1 ms here).
//
// What to watch (seed 1): lost_writes 214 (178–219 over seeds 1–20), rpo_s 0.51 — half a second
// of data; max_lag_s 0.56. The failover itself is ordinary: detection_s 4.0, downtime_s 5.0.
//
// Try: `--set replication.lag=50ms` — 22 lost, about ten times fewer; `--set replication.mode=semi-sync`
// — none lost, downtime_s 14.5 (after the failover db2 waits 10 s for a standby that is gone);
// `--set replication.mode=sync` — none lost, but db2, alone, can commit nothing afterwards.
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "async-lost-writes",
  summary:
    "Async replication with a 500 ms lag: a primary crash loses about rate × lag acknowledged writes.",
  story:
    "The primary db1 acknowledges each write as soon as it has committed it, and ships it to " +
    "the standby db2 a moment later — here `lag` = 500 ms later (a busy WAL sender, a " +
    "batching replication stream). At 2 minutes db1's host dies. db2 is promoted with " +
    "everything it had received; the writes db1 acknowledged in its last half second never " +
    "left it.",
  lesson:
    "With async replication every unplanned failover loses about write rate × replication " +
    "lag, so RPO is not zero unless a standby confirms a write before the client hears " +
    '"committed".',
  questions: [
    {
      q:
        "Estimate the writes lost when a primary taking 400 writes/s with 500 ms of replication " +
        "lag crashes.",
      a: "About 400 × 0.5 = 200: everything acknowledged but not yet shipped.",
    },
    {
      q: "Is RPO a property of the database or of the moment of failure?",
      a:
        "Of the moment: it is the replication lag when the primary dies, so watch lag, not just " +
        "the configuration.",
    },
    {
      q: "Why not always use synchronous replication?",
      a:
        "Every commit waits for a round trip to a standby, and with no standby reachable nothing " +
        "commits at all; semi-sync trades that for a window of loss.",
    },
  ],
  keyFigures: ["lostWrites", "rpoS", "downtimeS"],
  duration: "5m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", readiness: "hot", zone: "b" },
    mon: { role: "monitor", zone: "b" },
  },
  network: { latency: "1ms", jitter: "0ms" },
  replication: { mode: "async", lag: "500ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  clients: { writes: "400/s", zone: "a" },
  faults: [at("2m", crash("db1"))],
  expect: { failovers: 1, lostWrites: { min: 100, max: 300 }, rpoS: { min: 0.4, max: 0.6 } },
});
