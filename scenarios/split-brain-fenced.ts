// Split brain, fenced: the same partition as split-brain.ts, with fencing tokens.
//
// What to watch (seed 1): db1's lane turns fenced at 2:03, when db2 is promoted;
// split_brain_s 0 and divergent_writes 0. The price: the clients stranded with db1 on the east
// side get errors for the rest of the partition (writes_failed 11,102, downtime_s 57.0), and
// the 650 writes db1 acknowledged in the 3 s before db2's promotion, never replicated, are
// still lost (601–691 over seeds 1–20; 11,752 without fencing). Fencing stops the divergence;
// it does not undo asynchronous replication.
//
// Try: `--set failover.fencing=stonith` (db1 is powered off before db2 is promoted: no split
// brain, but the 5 s the fencing device takes add to the writes lost — 1,462) and
// `--set failover.fencing=min-replicas` (db1 stops taking writes 10 s after it last heard a
// replica, Redis's min-replicas-to-write: split_brain_s 1.0, 1,183 divergent writes).
import { at, defineScenario, heal, partition } from "failover-sim";

export default defineScenario({
  name: "split-brain-fenced",
  summary:
    "The split-brain partition with epoch fencing: no overlapping primaries, no divergent writes.",
  story:
    "As in split-brain.ts, the link between zone east (db1, the clients) and zone west (db2, " +
    "the monitor) fails for a minute, and the monitor promotes db2 while db1 is alive. This " +
    "time the failover policy uses epoch fencing: every promotion starts a new epoch, and the " +
    "storage refuses commits from an older one. From the moment db2 is promoted, db1's writes " +
    'are refused — db1 is "fenced", alive but harmless.',
  lesson:
    "A failure detector cannot tell dead from unreachable, so a safe failover makes sure the " +
    "old primary cannot write, by fencing tokens, by power, or by a lease it can no longer " +
    "renew.",
  questions: [
    {
      q: "With fencing, why are 650 acknowledged writes still lost?",
      a:
        "They were acknowledged by db1 before db2's promotion but never reached db2 (async " +
        "replication); fencing only refuses writes after the new epoch exists.",
    },
    {
      q: "Who checks a fencing token, and why there?",
      a:
        "The storage (or whatever the primary writes to), at the moment of the write — the old " +
        "primary itself cannot be trusted to know it was deposed.",
    },
    {
      q: "What do the clients on db1's side experience, and is that a bug?",
      a:
        "Refused writes until the partition heals. It is the intended trade: unavailability on " +
        "the minority side instead of writes that will be thrown away.",
    },
  ],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "east" },
    db2: { role: "standby", readiness: "hot", zone: "west" },
    mon: { role: "monitor", zone: "west" },
  },
  network: {
    latency: "2ms",
    jitter: "1ms",
    loss: 0,
    links: { "east<->west": { latency: "20ms", jitter: "5ms" } },
  },
  replication: { mode: "async", lag: "200ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "3s" },
  failover: { automatic: true, quorum: 1, fencing: "epoch", failback: "never" },
  clients: { writes: "200/s", zone: "east", routing: "proxy" },
  faults: [at("2m", partition(["east"], ["west"])), at("3m", heal())],
  expect: {
    failovers: 1,
    splitBrainS: 0,
    divergentWrites: 0,
    lostWrites: { max: 1000 },
    downtimeS: { min: 50 },
  },
});
