// The monitor that fails: who watches the watchers?
//
// What to watch (seed 1): db2 promoted at 3:05 by mon2; at 7:04 mon3 suspects db2 — and then
// nothing, not even a "no candidate" event: the monitors simply cannot act. failovers 1,
// downtime_s 185.0 (5 s for the first crash, the last 3 minutes for the second).
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "monitor-failure",
  summary:
    "Monitors crash one by one: with a majority left failover works, without it nothing happens.",
  story:
    "Three monitors watch the cluster and two must agree before a failover (quorum 2); a " +
    "failover needs a controller, and only a monitor that can reach a majority of the " +
    "monitors may act as one (as with Redis Sentinel or orchestrator/raft). At 1 minute mon1 " +
    "— the acting controller — crashes: mon2 takes over and nothing is lost. At 3 minutes the " +
    "primary db1 crashes: mon2 and mon3 agree, db2 is promoted. At 5 minutes mon2 crashes " +
    "too. At 7 minutes db2, the new primary, crashes: mon3 suspects it, but alone it is " +
    "neither a quorum nor a majority. Nobody fails over to db3; the cluster is down for the " +
    "rest of the run.",
  lesson:
    "The failover machinery needs its own redundancy: an odd number of monitors in separate " +
    "failure domains, with an alert when they drop below a majority.",
  questions: [
    {
      q: "db3 was healthy and in sync. Why was it never promoted?",
      a:
        "With two of three monitors down, the last one could neither reach the quorum of 2 nor be " +
        "a majority controller, so no failover could be decided.",
    },
    {
      q: "Why require a majority of monitors to act at all?",
      a:
        "So that two sides of a partition can never both fail over: only one side can hold a " +
        "majority.",
    },
    {
      q: "What should have alerted before the second crash?",
      a:
        "Losing mon2 left one monitor: below a majority the cluster has no automatic failover, " +
        "and that is an incident in itself.",
    },
  ],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    db3: { role: "standby", zone: "c" },
    mon1: { role: "monitor", zone: "a" },
    mon2: { role: "monitor", zone: "b" },
    mon3: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  failover: { quorum: 2 },
  clients: { writes: "100/s", zone: "a" },
  faults: [
    at("1m", crash("mon1")),
    at("3m", crash("db1")),
    at("5m", crash("mon2")),
    at("7m", crash("db2")),
  ],
  expect: { failovers: 1, downtimeS: { min: 170 } },
});
