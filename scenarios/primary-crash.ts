// A clean failover: the primary's host dies.
//
// The story: db1 (primary) crashes at 2 minutes and stays down. The monitor pings every second;
// once 3 s have passed since db1 last answered, it suspects db1 and orders db2 to promote, which takes 1 s. Once db2
// confirms, the monitor repoints the clients' proxy at it.
//
// What to watch: detection_s (2–3 s: 3 s of silence counted from the last heartbeat db1
// answered, up to 1 s before the crash), downtime_s and rto_s (detection + promotion + the
// messages in between: about 3–4 s), and no split brain —
// the old primary is really dead. With synchronous replication nothing is lost; with async, the
// writes db1 acknowledged but had not yet shipped are lost (lost_writes ≈ write rate × lag).
//
// The lesson: downtime ≈ detection time + promotion time. A shorter timeout cuts downtime on real
// crashes — and, as blip.ts shows, causes failovers on hiccups.
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "primary-crash",
  summary: "The primary crashes; a hot standby takes over after detection plus promotion.",
  duration: "5m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", readiness: "hot", zone: "b", promoteIn: "1s" },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms", loss: 0 },
  replication: { mode: "async", lag: "50ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "3s" },
  failover: { automatic: true, quorum: 1, fencing: "none", failback: "never" },
  clients: { writes: "200/s", zone: "a", routing: "proxy" },
  faults: [at("2m", crash("db1"))],
  expect: { failovers: 1, falseFailovers: 0, splitBrainS: 0, downtimeS: { min: 2, max: 5 } },
});
