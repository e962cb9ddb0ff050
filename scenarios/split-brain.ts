// Split brain: automatic failover without fencing.
//
// The story: db1 (primary) and the clients live in zone east; the standby db2 and the only
// monitor live in zone west. At 2 minutes the link between the zones fails for one minute.
// The monitor stops hearing db1, declares it dead and promotes db2. But db1 is alive: the
// clients beside it keep writing to it, and it keeps acknowledging — two primaries accept writes.
// When the link heals, the monitor tells db1 to step down; db1 rewinds to db2's history and
// every write it acknowledged since the partition is gone.
//
// What to watch: split_brain_s (about a minute), divergent_writes (db1's writes after db2's
// promotion), lost_writes (acknowledged, then discarded) and rpo_s (about the partition's length).
// Clients saw almost no errors: downtime_s is near zero. The outage was invisible, the data loss real.
//
// The lesson: a failure detector cannot tell a dead primary from an unreachable one. Failover
// without fencing the old primary (STONITH, epochs, leases) trades downtime for lost writes.
import { at, defineScenario, heal, partition } from "failover-sim";

export default defineScenario({
  name: "split-brain",
  summary: "Automatic failover without fencing: a partition leaves two primaries taking writes.",
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "east" },
    db2: { role: "standby", readiness: "hot", zone: "west" },
    mon: { role: "monitor", zone: "west" },
  },
  network: { latency: "2ms", jitter: "1ms", loss: 0, links: { "east<->west": { latency: "20ms", jitter: "5ms" } } },
  replication: { mode: "async", lag: "200ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "3s" },
  failover: { automatic: true, quorum: 1, fencing: "none", failback: "never" },
  clients: { writes: "200/s", zone: "east", routing: "proxy" },
  faults: [at("2m", partition(["east"], ["west"])), at("3m", heal())],
  // What this scenario demonstrates, checked on every run.
  expect: { splitBrainS: { min: 50 }, divergentWrites: { min: 1 }, lostWrites: { min: 1 } },
});
