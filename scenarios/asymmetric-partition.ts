// An asymmetric partition: the monitor cannot hear the primary; the clients can.
//
// The story: at 2 minutes the link from db1 to the monitor fails in one direction only — the
// monitor's pings reach db1, but db1's answers never come back. To the monitor db1 is dead; to
// the clients it is perfectly fine. The monitor promotes db2 and repoints the clients' proxy,
// while db1 — which still hears the monitor — is told to step down and does. With epoch fencing
// nothing diverges, yet the cluster has changed primary over a fault no client noticed.
//
// Try `--set failover.fencing=none`: db1 hears the follow command and steps down anyway (the
// command path works); the damage here is the needless failover, not split brain.
//
// What to watch: false_failovers 1, and lost_writes: the ~100 writes db1 acknowledged between
// db2 leaving its stream (the promote command) and db1 being fenced (db2's promotion a second
// later) — loss the fault itself never caused. The clients saw no error at all.
//
// The lesson: "unreachable from the monitor" is not "unreachable". Several monitors in different
// places with a quorum — or checks from the clients' side — avoid acting on a one-sided view.
import { at, defineScenario, heal, oneWay } from "failover-sim";

export default defineScenario({
  name: "asymmetric-partition",
  summary: "A one-way link failure: the monitor cannot hear the primary while clients can, and fails over anyway.",
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
  expect: { falseFailovers: 1, splitBrainS: 0 },
});
