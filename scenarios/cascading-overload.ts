// Cascading overload: the standby that cannot carry the load.
//
// What to watch (seed 1): in the timeline, the primary role alternating between db2 and db3
// from 2:06 to the end; failovers 47, false_failovers 46 (the overloaded nodes were alive),
// flaps 45, downtime_s 334.4 of the 480 s after the crash (330.9–343.1 over seeds 1–20).
//
// Try: `--set failover.blockFor=1h` (Orchestrator's recovery block): one failover, no flapping —
// and more downtime (476.4 s), since db2 is just as overloaded, only now for good; and
// `--set nodes.db2.capacity=300/s`: the failover simply works (downtime_s 6.0).
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "cascading-overload",
  summary:
    "Undersized standbys: each promoted one drowns under the load and is failed over in turn.",
  story:
    "db1, a large instance, handles 300 writes/s; clients send 200/s. Its two standbys, db2 " +
    'and db3, are smaller — 150 writes/s each ("they only replicate"). At 2 minutes db1 ' +
    "crashes and db2 is promoted. It cannot keep up: writes queue, time out, and — since its " +
    "health checks wait in the same queue — it soon stops answering them in time. The " +
    "monitors decide db2 is dead too and promote db3, which drowns the same way; the role " +
    "bounces between the small nodes every ten seconds until the end of the run.",
  lesson:
    "A standby must be able to carry the primary's load, and a health check that shares the " +
    'request queue turns overload into "dead", which failover turns into an outage.',
  questions: [
    {
      q: "Both standbys were alive the whole time. Why 46 false failovers?",
      a:
        "Overload made their health checks wait behind queued writes; a late answer looks like a " +
        "dead node, and each promotion moved the overload to the other one.",
    },
    {
      q: "Would an anti-flapping block have saved the day?",
      a:
        "No: it stops the ping-pong, but the single undersized primary is overloaded all the " +
        "same; only capacity (or shedding load) fixes an undersized standby.",
    },
    {
      q: "How should a health check differ from a write under load?",
      a:
        "Served on a separate path or priority so it measures liveness, plus a separate signal " +
        "(latency, queue depth) to decide about overload — which failover cannot fix.",
    },
  ],
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
  expect: {
    failovers: { min: 10 },
    falseFailovers: { min: 10 },
    flaps: { min: 10 },
    downtimeS: { min: 300 },
  },
});
