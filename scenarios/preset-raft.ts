// etcd / Raft with its documented defaults: `policy: presets.raft()`.
//
// The system: three members; the leader heartbeats every 100 ms; a follower that hears nothing
// for the 1 s election timeout stands, a majority elects it, and every entry commits on a
// majority. With check-quorum a leader that has not reached a majority for an election timeout
// steps down. Monitors m1–m3 stand for each member's election logic.
//
// What to watch: false_failovers 1, lost_writes 0, split_brain_s 0; detection_s ≈ 0.9; the
// crash costs ≈ 1.4 s; downtime_s ≈ 21 (the blip, plus the crash).
import { at, blip, crash, defineScenario, presets } from "failover-sim";

export default defineScenario({
  name: "preset-raft",
  summary:
    "etcd/Raft defaults: leader change in ≈ 1.4 s, majority commit, nothing lost; the minority waits.",
  story:
    "At 2 min zone a (the leader db1, m1 and the clients) is cut off for 20 s. The majority " +
    "side elects db2 ≈ 1.4 s later; db1 steps down after 1 s without its majority, and its " +
    "uncommitted entries are never acknowledged. The clients, on the minority side, get no " +
    "writes through for the whole blip — a majority-commit system gives up the minority — and " +
    "nothing is lost. At 6 min 5 s the leader, db2, crashes: a new leader (db1) serves writes " +
    "1.4 s later (documented 1–2 s).",
  lesson:
    "Quorum systems fail over in about a second and lose nothing, but a client on the " +
    "minority side of a partition cannot write at all.",
  questions: [
    {
      q: "Why can clients on the minority side not write at all during the partition?",
      a:
        "A Raft leader commits an entry only on a majority; the old leader steps down after an " +
        "election timeout without one, and the new majority leader is unreachable for them.",
    },
    {
      q: "Why does a Raft leader change lose no acknowledged write?",
      a:
        "Only majority-replicated entries are acknowledged, and a candidate needs the votes of a " +
        "majority whose logs it is at least as current as — so the new leader has them all.",
    },
  ],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    db3: { role: "standby", zone: "c" },
    m1: { role: "monitor", zone: "a" },
    m2: { role: "monitor", zone: "b" },
    m3: { role: "monitor", zone: "c" },
  },
  // Zone c is farther from a than b is, so db2 always holds at least what db3 holds: the blip's
  // failover picks db2 with every seed, and the crash at 6 min 5 s hits the primary.
  network: { links: { "a<->c": { latency: "5ms", jitter: "1ms" } } },
  policy: presets.raft(),
  clients: { writes: "100/s", zone: "a" },
  faults: [at("2m", blip("20s", ["a"], ["b", "c"])), at("365s", crash("db2"))],
  expect: {
    failovers: 2,
    falseFailovers: 1,
    lostWrites: 0,
    splitBrainS: 0,
    detectionS: { max: 1.1 },
    downtimeS: { min: 20, max: 25 },
  },
});
