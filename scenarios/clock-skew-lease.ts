// A slow clock and a lease: the primary believes its lease lasts longer than it does.
//
// What to watch (seed 1): the lease expiring at the store at 2:20 (last renewal 1:50), db2
// primary at 2:21, and db1 fencing itself only at 3:10 — 80 s after its last renewal instead of
// 20 s. split_brain_s 49.0, divergent_writes 4,941, lost_writes 7,028.
//
// Try: `--set "faults[0].fault.rate=1"` (an accurate clock): db1 steps down at 2:10, before db2
// is promoted — split_brain_s 0, lost_writes 1,037, and its stranded clients get errors instead.
import { at, clockSkew, defineScenario, heal, partition } from "failover-sim";

export default defineScenario({
  name: "clock-skew-lease",
  summary:
    "Lease fencing with a primary whose clock runs slow: the lease outlives itself and both primaries write.",
  story:
    "A Patroni-style cluster with lease fencing (ttl 30 s, renewed every 10 s; a primary " +
    "gives up its lease 10 s + 10 s after its last renewal). At 1 minute db1's clock starts " +
    "running at a quarter of real speed. At 2 minutes a partition cuts db1 and its clients " +
    "off from the coordination store and db2. The store lets db1's lease expire 30 s after " +
    "its last renewal and promotes db2. db1, measuring time with its slow clock, thinks only " +
    "a quarter of that has passed: it keeps its lease — and keeps accepting writes — four " +
    "times longer than it should.",
  lesson: "Leases assume bounded clock drift, while fencing tokens checked by the storage do not.",
  questions: [
    {
      q: "The lease protocol was followed. How did two primaries accept writes?",
      a:
        "db1 measured its lease with a clock running at a quarter speed, so by its clock the " +
        "lease was still valid long after the store had given it to db2.",
    },
    {
      q: "What assumption does every lease make?",
      a:
        "That clocks on both sides advance at nearly the same rate; the safety margin must cover " +
        "the worst drift.",
    },
    {
      q: "How do fencing tokens avoid the problem?",
      a:
        "The storage compares epochs rather than times: a write from the old epoch is refused " +
        "whatever db1's clock says.",
    },
  ],
  duration: "6m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "east" },
    db2: { role: "standby", zone: "west" },
    dcs: { role: "monitor", zone: "west" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  detector: { kind: "lease" },
  failover: { fencing: "lease", lease: { ttl: "30s", renewEvery: "10s", retryTimeout: "10s" } },
  clients: { writes: "100/s", zone: "east" },
  faults: [
    at("1m", clockSkew("db1", { rate: 0.25 })),
    at("2m", partition(["east"], ["west"])),
    at("4m", heal()),
  ],
  expect: {
    falseFailovers: 1,
    splitBrainS: { min: 40 },
    divergentWrites: { min: 1 },
    lostWrites: { min: 1 },
  },
});
