// Gray failure: healthy to the monitor, broken for the clients.
//
// The story: at 2 minutes db1's storage starts stalling: every write takes 2 s to commit, but
// the process is fine and answers every health check at once. The monitor sees nothing wrong
// and never fails over; the clients, whose timeout is 1 s, see every write fail for the five
// minutes the stall lasts. (GitHub, September 2023: a disk fault the automation did not
// recognise; a human failed over 19 minutes later.)
//
// Try `scenarios/gray-failure.ts --set failover.automatic=false --set "failover.operator.delay=10m"`:
// no difference — the detector is what is blind. The fix is a health check that exercises the
// write path (a probe that writes), which this simulator's detectors do not do: the point stands.
//
// What to watch: downtime_s ≈ 300 s, failovers 0, detection_s empty — nobody noticed.
//
// The lesson: a liveness check is not a correctness check. Probe what users do.
import { at, defineScenario, slow } from "failover-sim";

export default defineScenario({
  name: "gray-failure",
  summary: "A primary that answers health checks but cannot commit in time: no failover, full outage.",
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
