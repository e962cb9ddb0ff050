// Kafka with its documented defaults: `policy: presets.kafka()`.
//
// The system: one partition on three brokers; producers use acks=all (every replica in the
// in-sync set, the ISR, has a write before it is acknowledged), min.insync.replicas 2,
// replica.lag.time.max.ms 30 s; brokers heartbeat the KRaft controller (`c1`) every 2 s and are
// fenced 9 s after their last one; the controller elects a new leader from the ISR only.
//
// What to watch: failovers 1, false_failovers 1, divergent_writes 1,199 (appended by db1 alone
// during the blip, never acknowledged) and lost_writes 0; split_brain_s 12.5 counts the two
// leaders by role, though only one could commit; detection_s 8.0.
import { at, blip, crash, defineScenario, presets } from "failover-sim";

export default defineScenario({
  name: "preset-kafka",
  summary:
    "Kafka defaults: a 20 s blip elects a new leader, and the cut-off one acknowledges nothing; a follower's crash stalls writes 8 s.",
  story:
    "at 2 min the leader's zone (db1 and the producers) loses the controller and the " +
    "followers for 20 s. 9 s after db1's last heartbeat the controller fences it and elects " +
    "db2 from the ISR: a false failover — db1 still runs and keeps appending the producers' " +
    "writes, but can acknowledge none of them (its followers follow db2, and the controller " +
    "refuses db1's ISR changes). When the blip heals db1 learns of the new leader, discards " +
    "those writes and follows db2, and the producers reach db2. At 6 min 5 s db1 — a " +
    "follower since the blip — crashes: acks=all writes wait for it until the controller " +
    "fences it, 8 s after its last heartbeat, and drops it from the ISR; then they are " +
    "acknowledged again (723 of them timed out meanwhile). A leader's crash fails over in " +
    "the same 8 s plus half a second (7.5–9.5 s; kafka-isr.ts).",
  lesson:
    "Under acks=all a leader cut off from its followers may keep appending but can " +
    "acknowledge nothing alone, so a false failover costs the writes of the blip, not " +
    "acknowledged ones.",
  questions: [
    {
      q: "db1 took writes for 13 s after db2 was elected. Why were none of them lost?",
      a:
        "None was acknowledged: acks=all needed its ISR followers, which followed db2, and the " +
        "controller refused db1's attempt to shrink the ISR to itself.",
    },
    {
      q: "Why did acks=all writes stall for 8 s when only a follower crashed?",
      a:
        "They wait for every ISR member; a dead follower stays in the ISR until the controller " +
        "fences it (broker.session.timeout.ms, 9 s after its last heartbeat) — or, were it " +
        "alive but stuck, until replica.lag.time.max.ms (30 s) without catching up.",
    },
  ],
  keyFigures: ["falseFailovers", "divergentWrites", "lostWrites"],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    db3: { role: "standby", zone: "b" },
    c1: { role: "monitor", zone: "c" },
  },
  policy: presets.kafka(),
  clients: { writes: "100/s", zone: "a" },
  faults: [at("2m", blip("20s", ["a"], ["b", "c"])), at("365s", crash("db1"))],
  expect: {
    failovers: 1,
    falseFailovers: 1,
    lostWrites: 0,
    detectionS: { min: 7, max: 9 },
  },
});
