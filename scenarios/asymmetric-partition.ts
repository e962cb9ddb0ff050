// An asymmetric partition: the monitor cannot hear the primary; the clients can.
//
// What to watch (seed 1): the suspicion at 2:04, db2 primary and db1 fenced at 2:05;
// false_failovers 1, split_brain_s 0, downtime_s 0.001 — one write refused, the one that reached
// db1 in the instant it was fenced: otherwise the clients saw no error at all — and
// lost_writes 118 (91–119 over seeds 1–20): the writes db1 acknowledged between db2 leaving
// its stream (the promote command) and db1 being fenced (db2's promotion a second later), loss
// the fault itself never caused.
//
// Try: `--set failover.fencing=none` — db1 hears the follow command and steps down anyway
// (split_brain_s 0.003): the damage here is the needless failover, not split brain.
import { at, defineScenario, heal, oneWay } from "failover-sim";

export default defineScenario({
  name: "asymmetric-partition",
  summary:
    "A one-way link failure: the monitor cannot hear the primary while clients can, and fails over anyway.",
  story:
    "At 2 minutes the link from db1 to the monitor fails in one direction only — the " +
    "monitor's pings reach db1, but db1's answers never come back. To the monitor db1 is " +
    "dead; to the clients it is perfectly fine. The monitor promotes db2 and repoints the " +
    "clients' proxy, while db1 — which still hears the monitor — is fenced by the new epoch " +
    "and told to follow db2, which it does. Nothing diverges, yet the cluster has changed " +
    "primary over a fault no client noticed.",
  lesson:
    '"Unreachable from the monitor" is not "unreachable", so several monitors in ' +
    "different places with a quorum (or checks from the clients' side) are needed to avoid " +
    "acting on a one-sided view.",
  questions: [
    {
      q: "How can a node be dead to one observer and alive to another?",
      a:
        "Links fail in one direction (a firewall rule, a broken route, a full queue): pings " +
        'arrive, answers do not; "failed" is always relative to an observer.',
    },
    {
      q: "What would have prevented this failover?",
      a:
        "Monitors in several places with a quorum, so one monitor's lost view is outvoted, or " +
        "asking the clients' side before promoting.",
    },
    {
      q: "No split brain happened. Why were 118 writes still lost?",
      a:
        "Promoting db2 cut it off from db1's stream a second before db1 was fenced; what db1 " +
        "acknowledged in that second never reached the new primary.",
    },
  ],
  duration: "6m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  failover: { fencing: "epoch" },
  clients: { writes: "100/s", zone: "a" },
  faults: [at("2m", oneWay("db1", "mon")), at("4m", heal())],
  expect: { falseFailovers: 1, splitBrainS: 0, downtimeS: { max: 1 }, lostWrites: { min: 1 } },
});
