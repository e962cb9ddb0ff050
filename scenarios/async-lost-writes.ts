// Asynchronous replication: acknowledged, then gone.
//
// The story: the primary db1 acknowledges each write as soon as it has committed it, and ships
// it to the standby db2 a moment later — here `lag` = 500 ms later (a busy WAL sender, a batching
// replication stream). At 2 minutes db1's host dies. db2 is promoted with everything it had
// received; the writes db1 acknowledged in its last half second never left it.
//
// How many? Clients write 400/s, so about 400 × 0.5 = 200 acknowledged writes are lost (the
// network's latency adds to the lag, and the latency of the acknowledgement back to the client
// takes away from it — both 1 ms here). rpo_s is about the lag: half a second of data.
//
// Try: `--set replication.mode=sync` — nothing acknowledged is lost, at the price of a round
// trip to the standby on every commit; `--set replication.lag=50ms` — ten times less is lost.
//
// The lesson: with async replication, lost_writes ≈ write rate × replication lag on every
// unplanned failover. RPO is not zero unless a standby confirms the write before the client
// hears "committed".
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "async-lost-writes",
  summary: "Async replication with a 500 ms lag: a primary crash loses about rate × lag acknowledged writes.",
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
  expect: { failovers: 1, lostWrites: { min: 100, max: 300 } },
});
