// The benchmark's write job: what a client write costs, in engine events per write attempted and in
// wall time, with nothing else going on.
//
// Shape: a primary and two hot standbys (the busy day's cluster, scenarios/bench-busy-day.ts,
// each database in its own zone), clients beside the primary writing 1,000 writes per second
// through a proxy, asynchronous replication (10 ms ship lag), a lossless network (1 ms ± 0.5 ms).
// No faults. A scenario needs a monitor; this one probes every 10 s (timeout 30 s) so that its
// heartbeat rounds add next to nothing (about 0.002 events per write) to what the writes cost —
// the heartbeat job measures those. Ten simulated minutes (shapes.ts). The standbys' status reports
// (one a second each) stay: they are part of how replication acknowledges writes.
// `--set replication.mode=sync` measures synchronous replication on the same job.
import { defineScenario } from "failover-sim";
import { writeJobShape } from "./shapes.ts";

export function writeJob(durationS: number = writeJobShape.durationS) {
  return defineScenario({
    name: "bench-write-job",
    summary: "A primary and two hot standbys taking 1,000 writes/s, a slow monitor, no faults.",
    duration: `${durationS}s`,
    seed: 1,
    nodes: {
      db1: { role: "primary", zone: "a" },
      db2: { role: "standby", readiness: "hot", zone: "b" },
      db3: { role: "standby", readiness: "hot", zone: "c" },
      mon1: { role: "monitor", zone: "ops" },
    },
    network: { latency: "1ms", jitter: "0.5ms", loss: 0 },
    replication: { mode: "async", lag: "10ms" },
    detector: { kind: "timeout", interval: "10s", timeout: "30s" },
    clients: {
      writes: `${writeJobShape.writesPerS}/s`,
      zone: "a",
      routing: "proxy",
      timeout: "1s",
    },
  });
}

export default writeJob();
