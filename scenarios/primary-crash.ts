// Detection latency: a clean failover after the primary's host dies.
//
// What to watch (seed 1): the crash lands on a heartbeat, so db1's last answer is from 1:59 and
// the suspicion comes at 2:02 — detection_s 2.0. db2 takes writes at 2:03: downtime_s 3.0 and
// rto_s 3.0 (detection + promotion + the messages in between). No split brain: the old primary
// is really dead. Replication is async with a 50 ms lag, shipped on 10 ms ticks: lost_writes 10
// (≈ 200/s × 0.055 s, the lag plus half a tick on average; 7–18 over seeds 1–20), rpo_s 0.06.
//
// Try: `--set detector.timeout=10s` (downtime_s 10.0: the timeout adds one for one);
// `--set replication.mode=sync` (nothing lost — but db2, now alone, can commit nothing for the
// rest of the run: downtime_s 180); `--set replication.mode=semi-sync` (nothing lost, downtime_s
// 12.1: db2 waits 10 s for a standby before it carries on alone).
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "primary-crash",
  summary: "The primary crashes; a hot standby takes over after detection plus promotion.",
  story:
    "db1 (primary) crashes at 2 minutes and stays down. The monitor pings every second; once " +
    "3 s have passed since db1 last answered, it suspects db1 and orders db2 to promote, " +
    "which takes 1 s. Once db2 confirms, the monitor repoints the clients' proxy at it.",
  lesson:
    "Downtime is about detection time plus promotion time, so a shorter timeout cuts the " +
    "downtime of real crashes, and (as blip.ts shows) causes failovers on hiccups.",
  questions: [
    {
      q: "The timeout is 3 s, yet detection took 2 s. Why?",
      a:
        "The timeout counts from the last answer, which came up to one heartbeat interval before " +
        "the crash; detection after the crash is between timeout − interval and timeout.",
    },
    {
      q: "How would you halve this downtime?",
      a:
        "Shorten the timeout or the heartbeat interval, and make promotion faster (a hot standby, " +
        "no warm-up) — each at the price of more false failovers or more standby cost.",
    },
    {
      q: "Where do the 7 lost writes come from, and why is sync replication not a free fix?",
      a:
        "They were acknowledged before being shipped (async, 50 ms lag). Sync acknowledges only " +
        "what a standby holds, so with its only standby promoted the new primary cannot commit: " +
        "you need a second standby, or semi-sync's fallback.",
    },
  ],
  keyFigures: ["downtimeS", "detectionS", "rtoS"],
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
  expect: {
    failovers: 1,
    falseFailovers: 0,
    splitBrainS: 0,
    detectionS: { min: 2, max: 3 },
    downtimeS: { min: 2, max: 5 },
  },
});
