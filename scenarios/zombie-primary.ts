// The zombie primary: a pause longer than the lease.
//
// The story: a Patroni-style cluster. db1 holds the leader lease (ttl 30 s, renewed every 10 s).
// At 2 minutes its process freezes for 45 s — a stop-the-world GC pause, a VM migration. The
// lease expires, the monitor promotes db2, and the clients are repointed at db2. Then db1 wakes
// up, exactly where it stopped: it still believes it is the primary, and the writes that queued
// up in its sockets during the pause (and any client still pointed at it) are committed.
//
// Without fencing (this file): db1 accepts writes after db2's promotion — divergent writes and
// a few seconds of split brain, until the monitor hears from db1 again and demotes it.
// Try `--set failover.fencing=lease`: on waking db1 sees its lease lapsed and refuses every
// write; `--set failover.fencing=epoch`: the storage refuses the stale epoch. Both: no divergence.
//
// What to watch: in events.csv, the pause, the lease expiry (suspicion), db2's promotion, then
// db1's writes after it wakes; split_brain_s and divergent_writes.
//
// The lesson: a process cannot know how long it was paused. Anything that acts on "I am the
// leader" must check a lease against time or a fencing token against the storage, at the moment
// it acts.
import { at, defineScenario, pause } from "failover-sim";

export default defineScenario({
  name: "zombie-primary",
  summary: "A 45 s pause outlives a 30 s lease: without fencing the paused primary wakes and writes.",
  duration: "5m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", readiness: "hot", zone: "b" },
    dcs: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  replication: { mode: "async", lag: "10ms" },
  detector: { kind: "lease" },
  failover: { fencing: "none", lease: { ttl: "30s", renewEvery: "10s", retryTimeout: "10s" } },
  clients: { writes: "200/s", zone: "a", timeout: "60s" },
  faults: [at("2m", pause("db1", "45s"))],
  expect: { failovers: 1, divergentWrites: { min: 1 } },
});
