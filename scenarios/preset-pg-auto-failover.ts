// pg_auto_failover with its documented defaults: `policy: presets.pgAutoFailover()`.
//
// The system: one monitor checks every node every 5 s (5 s timeout) and declares one unhealthy
// after 20 s of failures (node_considered_unhealthy_timeout); the primary commits synchronously
// while a healthy standby exists; a primary that reaches nobody for 20 s stops itself
// (network_partition_timeout); a promotion waits for the old primary to drain (up to 30 s). A
// primary and two standbys (number_sync_standbys 1), as in the multi-standby architecture.
//
// What to watch: false_failovers 1 and lost_writes 0 after the blip; detection_s 20; downtime_s
// ≈ 100 (50 s per incident). Try `--set policy.detector.failures=5`: the blip passes (only 4
// checks fail) and costs 20 s instead of 50.
import { at, blip, crash, defineScenario, presets } from "failover-sim";

export default defineScenario({
  name: "preset-pg-auto-failover",
  summary:
    "pg_auto_failover defaults: a 20 s blip fails over without losing a write; ≈ 50 s per failover.",
  story:
    "At 2 min the primary's zone (db1 and the clients) is cut off for 20 s. db1's commits " +
    "wait for a standby that cannot answer, so its clients' writes fail; at 2:20 the fourth " +
    "check in a row fails (20 s = node_considered_unhealthy_timeout: the blip is exactly the " +
    "threshold), db1 having stopped itself at 2:19, and the monitor fails over to db2, which " +
    "takes writes after the 30 s drain allowance (≈ 2:50). Nothing acknowledged is lost: the " +
    "sync commit never acknowledged db1's blip-time writes. At 6 min 5 s the current primary, " +
    "db2, crashes: unhealthy 20 s later, writes again ≈ 50 s after the crash (documented ≈ " +
    "25–60 s).",
  lesson:
    "Synchronous commits plus self-fencing make pg_auto_failover lose nothing, but its " +
    "failover is slow and a partition as long as the unhealthy timeout is treated as a " +
    "failure.",
  questions: [
    {
      q: "How does pg_auto_failover lose nothing in a partition?",
      a:
        "Commits wait for a synchronous standby, so db1's writes during the blip were never " +
        "acknowledged, and a primary that reaches nobody for 20 s stops itself.",
    },
    {
      q: "Why does each failover take about 50 s?",
      a:
        "20 s to declare the node unhealthy, then up to 30 s of drain allowance for the old " +
        "primary before the standby is promoted.",
    },
  ],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    db3: { role: "standby", zone: "c" },
    monitor: { role: "monitor", zone: "c" },
  },
  // Zone c is farther from a than b is, so db2 always holds at least what db3 holds: the blip's
  // failover picks db2 with every seed, and the crash at 6 min 5 s hits the primary.
  network: { links: { "a<->c": { latency: "5ms", jitter: "1ms" } } },
  policy: presets.pgAutoFailover(),
  clients: { writes: "100/s", zone: "a" },
  faults: [at("2m", blip("20s", ["a"], ["b", "c"])), at("365s", crash("db2"))],
  expect: {
    failovers: 2,
    falseFailovers: 1,
    lostWrites: 0,
    splitBrainS: 0,
    detectionS: { min: 19, max: 26 },
    downtimeS: { min: 90, max: 110 },
  },
});
