// Kafka's ISR: acks=all, min.insync.replicas and clean leader election.
//
// What to watch (seed 1): acks=all writes wait for b3 until b1 drops it from the ISR at 1:30 (30 s
// without catching up); from then on they need b1 and b2 only. When b2 crashes they wait again,
// until the controller fences b2 for its missing heartbeats and removes it from the ISR at 2:37:
// the ISR is b1 alone, below min.insync.replicas, and b1 refuses every write (NotEnoughReplicas,
// 18,189 writes refused until 4:00). When b1 crashes the controller finds no in-sync replica to
// elect — b3 missed everything since 1:00 — and keeps the partition offline, even after b2
// returns (it left the ISR too), until b1 itself is back at 7:00; the ISR grows again at 7:01.
// availability 0.546 (0.544–0.551 over seeds 1–20), downtime_s 271.0, failovers 0,
// lost_writes 0, detection_s 7.0 (a broker is fenced 9 s after its last heartbeat, sent every 2 s).
//
// Try: `--set failover.uncleanElection=true` (unclean.leader.election.enable): b3 is elected at
// 4:07 and the partition is back — downtime_s 150.1 — but the 18,152 writes acknowledged between
// 1:00 and 2:30 by b1 and b2 are gone (lost_writes 18,152: b2 and b1 rewind them when they come
// back); `--set policy.replication.minInsync=1`: b1 keeps acknowledging alone from 2:37 to 4:00
// (downtime_s 180.0, nothing lost while election stays clean) — and with unclean election as
// well, 36,341 acknowledged writes are lost for 7.5 s of downtime.
import { at, crash, defineScenario, heal, partition, presets, restart } from "failover-sim";

export default defineScenario({
  name: "kafka-isr",
  summary:
    "Kafka acks=all with min.insync.replicas 2: the ISR shrinks, writes are refused, and clean election keeps the partition offline rather than lose acknowledged data.",
  story:
    "one partition, replication factor 3 — b1 leads, b2 and b3 follow — with the kafka " +
    "preset: producers use acks=all (a write is acknowledged once every member of the " +
    "in-sync replica set, the ISR, has it), min.insync.replicas is 2, " +
    "replica.lag.time.max.ms 30 s, and the controller elects only an ISR member. At 1:00 b3 " +
    "loses its link to b1 and stops fetching; at 2:30 b2 crashes; at 4:00 b1 crashes too. " +
    "At 5:00 the network heals and b2 is back; at 7:00 b1 is restarted.",
  lesson:
    "acks=all means every replica still in the ISR, and the ISR shrinks to whoever keeps " +
    "up, so min.insync.replicas ≥ 2 turns a lone leader's writes into refusals and clean " +
    "election turns the loss of the last in-sync replica into an outage instead of lost " +
    "data.",
  questions: [
    {
      q: "acks=all was on. How can unclean election lose writes acknowledged by two brokers?",
      a:
        "acks=all waits for the current ISR only; once b3 fell out, b1 and b2 were enough. b3 " +
        "never fetched those writes, so electing it discards them.",
    },
    {
      q: "Why did writes wait 30 s after b3 was cut off, but only 7 s after b2 crashed?",
      a:
        "acks=all waits for every ISR member. A live follower that stops fetching stays in the " +
        "ISR until it has not caught up for replica.lag.time.max.ms (30 s); a dead one is " +
        "removed as soon as the controller fences it (broker.session.timeout.ms, 9 s after its " +
        "last heartbeat).",
    },
    {
      q: "What does min.insync.replicas=2 buy, and what does it cost?",
      a:
        "Every acknowledged write is on at least two brokers, so one more failure cannot lose " +
        "it; the cost is NotEnoughReplicas — refused writes — whenever only one replica is in " +
        "sync.",
    },
  ],
  keyFigures: ["lostWrites", "downtimeS", "availability"],
  duration: "10m",
  seed: 1,
  nodes: {
    // One partition, replication factor 3: b1 leads, b2 and b3 follow.
    b1: { role: "primary", zone: "rack1" },
    b2: { role: "standby", zone: "rack2" },
    b3: { role: "standby", zone: "rack3" },
    // The KRaft controller quorum.
    c1: { role: "monitor", zone: "rack1" },
    c2: { role: "monitor", zone: "rack2" },
    c3: { role: "monitor", zone: "rack3" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  policy: presets.kafka(),
  // A producer with acks=all; request.timeout.ms 30 000 (the producer default), no retries.
  clients: { name: "producer", writes: "200/s", zone: "rack1", timeout: "30s" },
  faults: [
    at("1m", partition(["b1"], ["b3"])),
    at("150s", crash("b2")),
    at("4m", crash("b1")),
    at("5m", heal()),
    at("5m", restart("b2")),
    at("7m", restart("b1")),
  ],
  expect: {
    // Clean election: nothing acknowledged is lost, and no replica outside the ISR leads.
    lostWrites: 0,
    failovers: 0,
    splitBrainS: 0,
    // The price: writes refused and the partition offline for minutes.
    downtimeS: { min: 240 },
    availability: { max: 0.6 },
  },
});
