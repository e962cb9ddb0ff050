// Redis Sentinel with its documented defaults: `policy: presets.redisSentinel()`.
//
// The system: three Sentinels — one beside each Redis server, a third in its own zone — ping the
// master every second; after 30 s without a reply (down-after-milliseconds) a Sentinel calls it
// subjectively down, two of them (quorum 2) make it objectively down, and a Sentinel elected by a
// majority promotes the replica. Asynchronous replication, no fencing, no failback; after a
// failover, no automatic one for 6 min (2 × failover-timeout).
//
// What to watch: false_failovers 0 after the blip; detection_s ≈ 29 and rto_s ≈ 31 for the crash.
// Try `--set policy.detector.timeout=5s`: the blip now triggers a false failover; db1 keeps
// acknowledging its clients' writes for the whole blip (no fencing): ≈ 2000, discarded at the heal.
import { at, blip, crash, defineScenario, presets } from "failover-sim";

export default defineScenario({
  name: "preset-redis-sentinel",
  summary: "Redis Sentinel defaults: a 20 s blip passes unnoticed; a crash fails over in ≈ 31 s.",
  story:
    "At 2 min the primary's zone (db1, Sentinel s1 and the clients) is cut off for 20 s. " +
    "Nothing happens: 20 s of silence is less than 30 s, and the clients, beside db1, keep " +
    "writing. At 6 min 5 s db1 crashes: the Sentinels call it down 29 s later (its last reply " +
    "came 1 s before the crash) and db2 takes writes 2 s after that (ODOWN polling, the " +
    "election's random delay, SLAVEOF NO ONE): ≈ 31 s, at the low end of the documented 31–35 " +
    "s. A write or two that db1 acknowledged but had not yet shipped (10 ms of lag) may be " +
    "lost.",
  lesson:
    "Sentinel's 30 s default is deliberately longer than ordinary network hiccups, and the " +
    "price is half a minute without writes when the master really dies.",
  questions: [
    {
      q: "Why is down-after-milliseconds 30 s by default, not 1 s?",
      a:
        "To ride out ordinary blips and pauses without a failover: the 20 s blip here passes " +
        "unnoticed; the price is ≈ 31 s without writes on a real crash.",
    },
    {
      q: "What happens to writes db1 takes while cut off from the Sentinels' majority?",
      a:
        "Nothing stops them (no fencing): after a failover they are discarded when db1 becomes a " +
        "replica — see minority-primary.ts.",
    },
  ],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    s1: { role: "monitor", zone: "a" },
    s2: { role: "monitor", zone: "b" },
    s3: { role: "monitor", zone: "c" },
  },
  policy: presets.redisSentinel(),
  clients: { writes: "100/s", zone: "a" },
  faults: [at("2m", blip("20s", ["a"], ["b", "c"])), at("365s", crash("db1"))],
  expect: {
    failovers: 1,
    falseFailovers: 0,
    splitBrainS: 0,
    detectionS: { min: 28, max: 31 },
    downtimeS: { min: 30, max: 34 },
  },
});
