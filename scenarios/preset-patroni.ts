// Patroni with its documented defaults: `policy: presets.patroni()`.
//
// The system: the primary refreshes a leader key (ttl 30 s) in the DCS every loop_wait 10 s; a
// leader that cannot refresh it within retry_timeout (10 s) demotes itself; when the key expires
// the replica takes it and promotes itself. Asynchronous replication, no failback. The monitor
// `dcs` stands for the whole DCS (one etcd cluster).
//
// What to watch: db1's role in timeline.csv (fenced 2:10–2:20); failovers 1; detection_s ≈ 25;
// rto_s ≈ 26; with `--seed 2`, false_failovers 1 and lost_writes ≈ 1000.
import { at, blip, crash, defineScenario, presets } from "failover-sim";

export default defineScenario({
  name: "preset-patroni",
  summary:
    "Patroni defaults: a 20 s DCS blip costs 10 s of self-demotion; a crash fails over in ≈ 26 s.",
  story:
    "At 2 min the primary's zone (db1 and the clients) loses the DCS and db2 for 20 s. db1's " +
    "refresh at 2:00 is lost; 20 s after its last success (1:50) it demotes itself and " +
    "refuses writes for the rest of the blip (≈ 10 s of errors). The blip lands exactly on " +
    "Patroni's edge: key age = loop_wait + blip = 30 s = ttl, so the DCS sees db1's first " +
    "refresh after the heal at the very moment the key would expire. With this seed the " +
    "refresh wins by a fraction of a millisecond: no failover, db1 takes writes again at " +
    "2:20. With about half of the other seeds (`--seed 2`) the key expires first: a false " +
    "failover to db2, and the ≈ 1000 writes db1 acknowledged during the blip's first 10 s, " +
    "never replicated, are lost. At 6 min 5 s db1 crashes: its last refresh was at 6:00, the " +
    "key expires at 6:30 and db2 takes writes ≈ 1 s later (≈ 26 s; documented 20–30 s for the " +
    "lease, ≤ 40 s in the worst case).",
  lesson:
    "Patroni's self-demotion keeps a cut-off primary from writing past its lease, but a DCS " +
    "outage longer than retry_timeout costs writes even when nothing failed.",
  questions: [
    {
      q: "Why does Patroni demote a primary that is perfectly healthy?",
      a:
        "It cannot refresh its leader key in the DCS within retry_timeout; it must assume the key " +
        "may expire and another node take over, so it stops writing first.",
    },
    {
      q: "Why is a 20 s DCS blip a coin toss here?",
      a:
        "The key's age at the heal is loop_wait + blip = 30 s = ttl: whether the refresh or the " +
        "expiry comes first depends on a fraction of a millisecond (seed 2: a failover and 983 " +
        "writes lost).",
    },
  ],
  duration: "10m",
  seed: 4,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    dcs: { role: "monitor", zone: "c" },
  },
  policy: presets.patroni(),
  clients: { writes: "100/s", zone: "a" },
  faults: [at("2m", blip("20s", ["a"], ["b", "c"])), at("365s", crash("db1"))],
  expect: {
    failovers: 1,
    splitBrainS: 0,
    detectionS: { min: 20, max: 30 },
    downtimeS: { min: 10, max: 40 },
  },
});
