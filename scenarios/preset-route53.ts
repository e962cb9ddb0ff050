// DNS failover with Amazon Route 53 defaults: `policy: presets.route53({ failover: { quorum: 3 } })`.
//
// The system: health checkers in several regions (three here) probe every 30 s; three failures in
// a row (FailureThreshold) flip a checker, and Route 53 answers with the secondary record once at
// most 18 % of checkers call the primary healthy — with three checkers, all three: the override
// quorum 3. Three passes in a row restore the primary. No fencing. The clients are "users".
//
// What to watch: false_failovers 0; detection_s 89; rto_s 89. Try
// `--set policy.detector.interval=10s` (fast checks): ≈ 30 s.
import { at, blip, crash, defineScenario, presets } from "failover-sim";

export default defineScenario({
  name: "preset-route53",
  summary:
    "Route 53 DNS failover defaults: blips are ignored; a crash takes ≈ 90 s before DNS caching.",
  story:
    "At 2 min db1's zone is cut off for 20 s: the users' writes fail for 20 s, and not a " +
    "single checker flips (one probe failed). At 6 min 5 s db1 crashes: the probes at 6:30, " +
    "7:00 and 7:30 fail, the checkers flip at 7:34, and the users write to db2 89 s after the " +
    "crash. That is before DNS TTL (≤ 60 s recommended) and resolver and client caches, which " +
    "the client layer does not model yet: documented ≈ 90–150 s end to end, so the figure " +
    "here is optimistic.",
  lesson: "DNS failover is for disasters, not blips: it takes minutes, not seconds.",
  questions: [
    {
      q: "Why does Route 53 DNS failover take about a minute and a half?",
      a:
        "Three failed checks 30 s apart before a checker flips, then DNS TTL and client caches on " +
        "top.",
    },
    {
      q: "When is DNS failover the right tool?",
      a: "For disasters lasting minutes (a region, a site), not for a database primary's seconds.",
    },
  ],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    checker1: { role: "monitor", zone: "c" },
    checker2: { role: "monitor", zone: "d" },
    checker3: { role: "monitor", zone: "e" },
  },
  policy: presets.route53({ failover: { quorum: 3 } }),
  clients: { writes: "100/s", zone: "users" },
  faults: [at("2m", blip("20s", ["a"], ["b", "c", "d", "e", "users"])), at("365s", crash("db1"))],
  expect: {
    failovers: 1,
    falseFailovers: 0,
    splitBrainS: 0,
    detectionS: { min: 60, max: 95 },
    downtimeS: { min: 80, max: 120 },
  },
});
