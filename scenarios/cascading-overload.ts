// Cascading overload: the standby that cannot carry the load.
//
// The story: db1, a large instance, handles 300 writes/s; clients send 200/s. Its two standbys,
// db2 and db3, are smaller — 150 writes/s each ("they only replicate"). At 2 minutes db1 crashes
// and db2 is promoted. It cannot keep up: writes queue, time out, and — since its health checks
// wait in the same queue — it soon stops answering them in time. The monitors decide db2 is dead
// too and promote db3, which drowns the same way; the role bounces between the small nodes.
//
// Try `--set failover.blockFor=1h` (Orchestrator's recovery block): only one failover — db2
// stays primary, overloaded but not flapping; and `--set nodes.db2.capacity=300/s`: the
// failover simply works.
//
// What to watch: failovers (several), flaps, false_failovers (the overloaded nodes were alive),
// downtime_s that goes on long after the crash.
//
// The lesson: a standby must be able to carry the primary's load, and a health check that shares
// the request queue turns overload into "dead", which failover turns into an outage.
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "cascading-overload",
  summary: "Undersized standbys: each promoted one drowns under the load and is failed over in turn.",
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a", capacity: "300/s" },
    db2: { role: "standby", zone: "b", capacity: "150/s" },
    db3: { role: "standby", zone: "c", capacity: "150/s" },
    mon1: { role: "monitor", zone: "a" },
    mon2: { role: "monitor", zone: "b" },
    mon3: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  // A health check with its own 1 s timeout, 3 misses in a row (HAProxy- or Kubernetes-style).
  detector: { kind: "consecutive", interval: "2s", probeTimeout: "1s", failures: 3 },
  failover: { quorum: 2 },
  clients: { writes: "200/s", zone: "a" },
  faults: [at("2m", crash("db1"))],
  expect: { failovers: { min: 2 }, falseFailovers: { min: 1 } },
});
