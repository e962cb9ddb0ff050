// False failover on a blip: the failover nobody needed.
//
// What to watch (seed 1): the suspicion at 2:02, db2 primary from 2:03, the heal at 2:05;
// false_failovers 1, split_brain_s 2.0, divergent_writes 404, lost_writes 1,033 (the 5 s of
// writes db1 took during the blip; 965–1,096 over seeds 1–20). downtime_s 0: no client noticed.
//
// Try: `npx sim run scenarios/blip.ts --set detector.timeout=10s` — the same blip passes
// unnoticed: no failover, no lost writes, and the clients' writes only waited out the blip.
import { at, blip, defineScenario } from "failover-sim";

export default defineScenario({
  name: "blip",
  summary: "A 5 s network blip with a 3 s detector timeout triggers a needless failover.",
  story:
    "The link between zone east (db1, the primary, and the clients) and zone west (standby " +
    "db2 and the monitor) drops for 5 seconds at 2 minutes, then comes back. Nothing crashed. " +
    "With a 3 s detector timeout the monitor gives up on db1 during the blip and promotes " +
    "db2: a false failover. The clients cannot be repointed until the link is back, db1 keeps " +
    "taking their writes meanwhile, and at the heal it is demoted and rewound — those writes " +
    "are lost.",
  lesson:
    "A detector timeout shorter than the hiccups your network really has turns them into " +
    "failovers, so choose it from the blips you observe, not from hope.",
  questions: [
    {
      q: "Nothing failed, yet about a thousand acknowledged writes are gone. Explain.",
      a:
        "The 5 s blip outlasted the 3 s timeout, so the monitor promoted db2 while db1 was still " +
        "taking writes; when the link came back db1 rewound to db2's history.",
    },
    {
      q: "How do you pick a detector timeout?",
      a:
        "Longer than the pauses and blips you measure in production, short enough for your " +
        "downtime budget on a real crash; detection-thresholds.ts shows the U-shaped trade-off.",
    },
    {
      q: "Besides a longer timeout, what else prevents this?",
      a:
        "Several monitors with a quorum, detectors that tolerate jitter (φ-accrual), and fencing " +
        "so that a false failover at least cannot lose writes to split brain.",
    },
  ],
  keyFigures: ["falseFailovers", "lostWrites", "downtimeS"],
  duration: "5m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "east" },
    db2: { role: "standby", readiness: "hot", zone: "west" },
    mon: { role: "monitor", zone: "west" },
  },
  network: {
    latency: "2ms",
    jitter: "1ms",
    loss: 0,
    links: { "east<->west": { latency: "20ms", jitter: "5ms" } },
  },
  replication: { mode: "async", lag: "100ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "3s" },
  failover: { automatic: true, quorum: 1, fencing: "none", failback: "never" },
  clients: { writes: "200/s", zone: "east", routing: "proxy" },
  faults: [at("2m", blip("5s", ["east"], ["west"]))],
  expect: { failovers: 1, falseFailovers: 1, divergentWrites: { min: 1 }, lostWrites: { min: 1 } },
});
