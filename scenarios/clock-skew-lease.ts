// A slow clock and a lease: the primary believes its lease lasts longer than it does.
//
// The story: a Patroni-style cluster with lease fencing (ttl 30 s, renewed every 10 s; a primary
// gives up its lease 10 s + 10 s after its last renewal). At 1 minute db1's clock starts running
// at a quarter of real speed. At 2 minutes a partition cuts db1 and its clients off from the
// coordination store and db2. The store lets db1's lease expire 30 s after its last renewal and
// promotes db2. db1, measuring time with its slow clock, thinks only a quarter of that has
// passed: it keeps its lease — and keeps accepting writes — four times longer than it should.
//
// Compare `--set "faults[0].fault.rate=1"` (an accurate clock): db1 steps down before db2 is
// promoted; no split brain at all.
//
// What to watch: split_brain_s and divergent_writes, zero with an accurate clock.
//
// The lesson: leases assume bounded clock drift. Fencing tokens checked by the storage do not.
import { at, clockSkew, defineScenario, heal, partition } from "failover-sim";

export default defineScenario({
  name: "clock-skew-lease",
  summary: "Lease fencing with a primary whose clock runs slow: the lease outlives itself and both primaries write.",
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
  faults: [at("1m", clockSkew("db1", { rate: 0.25 })), at("2m", partition(["east"], ["west"])), at("4m", heal())],
  expect: { splitBrainS: { min: 1 }, divergentWrites: { min: 1 } },
});
