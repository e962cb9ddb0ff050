// Manual failover under an operator delay.
//
// What to watch (seed 1): the page at 2:04, the operator's failover at 9:09, db2 primary at
// 9:10 — downtime_s 430.1 and rto_s 430.1, against 5.0 with automatic failover. Over seeds 1–20
// downtime_s ranges from 310 to 1,530 s: the operator's delay and mistakes are the spread.
//
// Try: `--set failover.automatic=true` (db2 takes over 5 s after the crash), and both over many
// seeds: `sim sweep scenarios/manual-vs-auto.ts --vary failover.automatic=true,false --seeds 20`.
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "manual-vs-auto",
  summary:
    "A primary crash handled by an operator (minutes) instead of automatic failover (seconds).",
  story:
    "The primary crashes at 2 minutes. With `automatic: false` nobody promotes db2 on their " +
    "own: the monitor pages an operator, who gets to it 5 to 15 minutes later (paging, waking " +
    "up, diagnosing) and, one time in five, gets the command wrong the first time and has to " +
    "try again. Meanwhile every write fails.",
  lesson:
    "Manual failover trades the risk of a false failover for certain minutes of downtime on " +
    "every real one, a fair choice only when false failovers would cost more.",
  questions: [
    {
      q: "When is manual failover the better policy?",
      a:
        "When a false failover is very costly (split brain, long rebuilds) and real failures are " +
        "rare enough that minutes of downtime each fit the availability budget.",
    },
    {
      q: "Where do the minutes go in a manual failover?",
      a:
        "Paging, waking up, diagnosing and typing the command — and again when a step goes wrong; " +
        "the detection itself took seconds.",
    },
    {
      q: "How can you get some of both?",
      a:
        "Automate detection and the runbook but keep a human approval, or fail over automatically " +
        "only for unambiguous failures (a crashed host confirmed by several monitors).",
    },
  ],
  duration: "30m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  failover: { automatic: false, operator: { delay: "5m..15m", errorProbability: 0.2 } },
  clients: { writes: "50/s", zone: "a" },
  faults: [at("2m", crash("db1"))],
  expect: { failovers: 1, downtimeS: { min: 300 } },
});
