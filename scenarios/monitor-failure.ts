// Who watches the watchers: monitors fail too.
//
// The story: three monitors watch the cluster and two must agree before a failover (quorum 2);
// a failover needs a controller, and only a monitor that can reach a majority of the monitors
// may act as one (as with Redis Sentinel or orchestrator/raft). At 1 minute mon1 — the acting
// controller — crashes: mon2 takes over and nothing is lost. At 3 minutes the primary db1
// crashes: mon2 and mon3 agree, db2 is promoted. At 5 minutes mon2 crashes too. At 7 minutes
// db2, the new primary, crashes: mon3 suspects it, but alone it is neither a quorum nor a
// majority. Nobody fails over to db3; the cluster is down for the rest of the run.
//
// What to watch: two crashes of a primary, one failover; downtime_s ≈ the last 3 minutes;
// in events.csv the "no candidate"-free silence after 7 minutes — the monitors simply cannot act.
//
// The lesson: the failover machinery needs its own redundancy — an odd number of monitors in
// separate failure domains, alerting when they drop below a majority.
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "monitor-failure",
  summary: "Monitors crash one by one: with a majority left failover works, without it nothing happens.",
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
  faults: [at("1m", crash("mon1")), at("3m", crash("db1")), at("5m", crash("mon2")), at("7m", crash("db2"))],
  expect: { failovers: 1, downtimeS: { min: 170 } },
});
