// Split brain, fenced: the same partition as split-brain.ts, with fencing tokens.
//
// The story: as in split-brain.ts, the link between zone east (db1, the clients) and zone west
// (db2, the monitor) fails for a minute, and the monitor promotes db2 while db1 is alive. This
// time the failover policy uses epoch fencing: every promotion starts a new epoch, and the
// storage refuses commits from an older one. From the moment db2 is promoted, db1's writes are
// refused — db1 is "fenced", alive but harmless.
//
// What to watch: split_brain_s and divergent_writes are 0. The price: the clients stranded with
// db1 on the east side get errors for the rest of the partition (downtime_s ≈ the partition),
// and the writes db1 acknowledged in the seconds before db2's promotion, never replicated, are
// still lost. Fencing stops the divergence; it does not undo asynchronous replication.
//
// Try `--set failover.fencing=stonith` (db1 is powered off before db2 is promoted) and
// `--set failover.fencing=min-replicas` (db1 stops taking writes 10 s after it last heard a
// replica — Redis's min-replicas-to-write — a short split brain instead of none).
//
// The lesson: a failure detector cannot tell dead from unreachable, so a safe failover makes sure
// the old primary cannot write — by fencing tokens, by power, or by a lease it can no longer renew.
import { at, defineScenario, heal, partition } from "failover-sim";

export default defineScenario({
  name: "split-brain-fenced",
  summary: "The split-brain partition with epoch fencing: no overlapping primaries, no divergent writes.",
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
  failover: { automatic: true, quorum: 1, fencing: "epoch", failback: "never" },
  clients: { writes: "200/s", zone: "east", routing: "proxy" },
  faults: [at("2m", partition(["east"], ["west"])), at("3m", heal())],
  expect: { splitBrainS: 0, divergentWrites: 0, failovers: 1 },
});
