// Manual or automatic failover.
//
// The story: the primary crashes at 2 minutes. With `automatic: false` nobody promotes db2 on
// their own: the monitor pages an operator, who gets to it 5 to 15 minutes later (paging,
// waking up, diagnosing) and, one time in five, gets the command wrong the first time and has
// to try again. Meanwhile every write fails.
//
// Try `--set failover.automatic=true`: db2 takes over in about 6 s. Run both over many seeds
// (`sim sweep … --vary failover.automatic=true,false --seeds 20`) to see the spread of the
// manual case.
//
// What to watch: downtime_s and rto_s (minutes vs seconds), the operator's lines in events.csv.
//
// The lesson: humans are slow and sometimes wrong at 3 a.m. Manual failover trades the risk of
// a false failover for certain minutes of downtime on every real one; it is a fair choice only
// when false failovers would cost more than that.
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "manual-vs-auto",
  summary: "A primary crash handled by an operator (minutes) instead of automatic failover (seconds).",
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
