// Orchestrator with its documented defaults: `policy: presets.orchestrator(...)`.
//
// The system: three orchestrator/raft nodes poll every MySQL instance every 5 s and call the
// master dead ≈ 10 s after its last answer (replicas' slave_net_timeout 4 s + the next poll);
// the raft leader promotes the replica, hooks repoint Consul and the proxies. No fencing; cross-
// zone promotion allowed; after a recovery, no automatic one for an hour
// (RecoveryPeriodBlockSeconds 3600); failback is a person's graceful-master-takeover — here the
// override `operator: { delay: "2m" }` makes that person prompt.
//
// What to watch: false_failovers 1, split_brain_s ≈ 12, lost_writes and divergent_writes in the
// thousands; the no_candidate event "automatic recovery blocked" at 6:10; downtime_s ≈ 240.
// Orchestrator's own failover (detection + promotion) is 8 s here, GitHub's published 10–13 s.
import { at, blip, crash, defineScenario, presets } from "failover-sim";

export default defineScenario({
  name: "preset-orchestrator",
  summary:
    "Orchestrator defaults: a 20 s blip fails over and splits the brain; the 1 h block leaves a crash down.",
  story:
    "At 2 min the primary's zone (db1, orc1 and the clients) is cut off for 20 s. The " +
    "majority side (orc2, orc3) calls db1 dead after 5 s (its last answer came at 1:55) and " +
    "promotes db2 (writes at 2:08). The clients, cut off from db2, keep writing to db1 — no " +
    "fencing — until the heal: 12 s of split brain; db1's blip-time writes (≈ 2000) never " +
    "reach db2 and are discarded when db1 rejoins. The operator hands the primary back to db1 " +
    "at ≈ 4:30. At 6 min 5 s db1 crashes — within the hour of the first recovery, so " +
    "orchestrator refuses to recover it: no writes until the end of the run.",
  lesson:
    "The one-hour block that stops flapping also stops the recovery of a genuine second " +
    "failure, and without fencing a short partition is enough to split the brain.",
  questions: [
    {
      q: "Why did orchestrator refuse to recover the crash at 6:05?",
      a:
        "RecoveryPeriodBlockSeconds: after the blip's recovery, no automatic recovery of the same " +
        "cluster for an hour — the anti-flapping rule also blocks a genuine second failure.",
    },
    {
      q: "What made a 20 s partition lose writes?",
      a:
        "No fencing: db1 kept acknowledging its clients' writes after db2's promotion, and those " +
        "were discarded when db1 rejoined behind db2.",
    },
  ],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    orc1: { role: "monitor", zone: "a" },
    orc2: { role: "monitor", zone: "b" },
    orc3: { role: "monitor", zone: "c" },
  },
  policy: presets.orchestrator({ failover: { operator: { delay: "2m" } } }),
  clients: { writes: "100/s", zone: "a" },
  faults: [at("2m", blip("20s", ["a"], ["b", "c"])), at("365s", crash("db1"))],
  expect: {
    failovers: 2,
    falseFailovers: 1,
    failbacks: 1,
    splitBrainS: { min: 5, max: 20 },
    lostWrites: { min: 1 },
    divergentWrites: { min: 1 },
    detectionS: { max: 10 },
    downtimeS: { min: 200 },
  },
});
