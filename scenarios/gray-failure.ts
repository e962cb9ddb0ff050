// Gray failure: healthy to the monitor, broken for the clients.
//
// What to watch (seed 1): no suspicion at all between the stall at 2:00 and its end at 7:00;
// writes_failed 29,762, downtime_s 300.0, failovers 0, detection_s empty — nobody noticed.
//
// Try: `--set failover.automatic=false --set "failover.operator.delay=10m"` — no difference:
// the detector is what is blind, so the operator is never paged. The fix is a health check that
// exercises the write path (a probe that writes), which this simulator's detectors do not do:
// the point stands.
import { at, defineScenario, slow } from "failover-sim";

export default defineScenario({
  name: "gray-failure",
  summary:
    "A primary that answers health checks but cannot commit in time: no failover, full outage.",
  story:
    "At 2 minutes db1's storage starts stalling: every write takes 2 s to commit, but the " +
    "process is fine and answers every health check at once. The monitor sees nothing wrong " +
    "and never fails over; the clients, whose timeout is 1 s, see every write fail for the " +
    "five minutes the stall lasts. (GitHub, September 2023: a disk fault the automation did " +
    "not recognise; a human failed over 19 minutes later.)",
  lesson: "A liveness check is not a correctness check: probe what users actually do.",
  questions: [
    {
      q: "Every health check passed for five minutes of total outage. How?",
      a:
        'The checks only asked "is the process answering?"; the write path was what failed, and ' +
        "nothing measured it.",
    },
    {
      q: "What would you monitor to catch this?",
      a:
        "The clients' error rate and write latency, or a synthetic write through the same path (a " +
        "canary), and alert or fail over on those.",
    },
    {
      q: "Why is failing over on client errors dangerous too?",
      a:
        "Client errors also rise with overload or bad requests, where a failover does not help " +
        "(cascading-overload.ts); such signals need care or a human in the loop.",
    },
  ],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  clients: { writes: "100/s", zone: "a", timeout: "1s" },
  faults: [at("2m", slow("db1", "2s")), at("7m", slow("db1", "0s"))],
  expect: { failovers: 0, downtimeS: { min: 290, max: 310 } },
});
