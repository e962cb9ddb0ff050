// The benchmark's heartbeat job: what failure detection alone costs, in engine events per
// heartbeat round and in wall time (and, with `npm run bench -- --peers`, beside a lean SimPy
// model of the same job: ../peers/heartbeat_job.py).
//
// Shape: "20 monitored pairs, 100 ms heartbeats, 300 ms timeout, 10 simulated hours". A pair is
// one monitor and one data node it watches: the model's monitors probe every data node each round,
// so one monitor watching 20 data nodes (a primary and 19 standbys, all in one zone) is 20 pairs —
// the closest fit, since a scenario holds one replicated cluster. Each round the monitor pings
// every node, each node answers with a pong, and the timeout detector judges it. Nothing else
// happens: no clients (no writes), no faults, a lossless network (1 ms ± 0.5 ms), and the
// standbys' periodic status reports (replication.statusInterval) are set beyond the run's end so
// they add no events: they belong to replication, not to failure detection.
//
// A heartbeat round is one monitor's round at one data node (shapes.ts: heartbeatNodeRounds).
// heartbeatJob(durationS, monitors) builds the job for any length and number of monitors (with
// two or more, verdicts also go between them each round); heartbeat-hour.ts is the one-hour run.
import { defineScenario } from "failover-sim";
import { heartbeatJobShape } from "./shapes.ts";

type Role = "primary" | "standby" | "monitor";

export function heartbeatJob(durationS: number, monitors = 1) {
  const { dataNodes, intervalMs, timeoutMs } = heartbeatJobShape;
  const nodes: Record<string, { role: Role; zone: string }> = {};
  for (let i = 1; i <= dataNodes; i++)
    nodes[`db${i}`] = { role: i === 1 ? "primary" : "standby", zone: "a" };
  for (let i = 1; i <= monitors; i++) nodes[`mon${i}`] = { role: "monitor", zone: "a" };
  return defineScenario({
    name: `bench-heartbeat-job`,
    summary: `${dataNodes} data nodes watched by ${monitors} monitor(s): ${intervalMs} ms heartbeats, ${timeoutMs} ms timeout, no writes, no faults.`,
    duration: `${durationS}s`,
    seed: 1,
    nodes,
    network: { latency: "1ms", jitter: "0.5ms", loss: 0 },
    replication: { statusInterval: `${durationS + 1}s` },
    detector: { kind: "timeout", interval: `${intervalMs}ms`, timeout: `${timeoutMs}ms` },
  });
}

export default heartbeatJob(heartbeatJobShape.hours[0] * 3600);
