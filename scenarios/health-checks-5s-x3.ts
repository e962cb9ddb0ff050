// The textbook health check: a checker probes the primary every 5 s, each probe failing after a
// 5 s timeout, and after 3 failures in a row it sends traffic to the standby — the shape of an
// nginx upstream's max_fails, an HAProxy `inter 5s fall 3` or a cloud load balancer's health
// check. Built on presets.haproxy() with its check interval and timeout set to 5 s.
//
// What to watch: detection_s (the third failed check), downtime_s (detection plus nothing: only
// traffic moves), and how a blip shorter than three checks passes unnoticed.
import { at, blip, crash, defineScenario, presets } from "failover-sim";

export default defineScenario({
  name: "health-checks-5s-x3",
  summary: "A health check every 5 s, three failures to act: a crash is noticed in about 15 s.",
  story:
    "The checker probes db1 every 5 s and gives each probe 5 s to answer. At 1 min an 8 s blip " +
    "cuts db1 off: the probes of 1:00 and 1:05 fail, the one of 1:10 (after the heal) answers — " +
    "two failures, not three, so nothing moves, though the clients could not write for 8 s. At " +
    "3:02 db1 crashes, 2 s after an answered probe. The probes of 3:05, 3:10 and 3:15 each fail " +
    "at their 5 s timeout, the third at 3:20: db1 is suspected 18 s after the crash and traffic " +
    "goes to db2 at once. Downtime 26 s in all: 8 s of blip and 18 s of detection.",
  lesson:
    "With checks every i seconds, a timeout of t and f failures to act, a crash is noticed " +
    "(f − 1) × i + t to f × i + t later — here 15 to 20 s — and a blip shorter than that passes.",
  questions: [
    {
      q: "Checks every 5 s, a 5 s timeout, 3 failures: how long until a crash is acted on?",
      a:
        "Between 15 s and 20 s: the last answered probe can be up to 5 s before the crash, then " +
        "two more probes fail and the third fails at its timeout. This run: 18 s.",
    },
    {
      q: "Why did the 8 s blip cause no failover, and what did it still cost?",
      a:
        "Only two probes fell inside it, one short of the three needed, so the checker never " +
        "acted; the clients, cut off from db1 too, still could not write for those 8 s.",
    },
    {
      q: "How would you halve the detection time, and what would it cost?",
      a:
        "Check every 2.5 s (or act on 2 failures): a crash is noticed in 7.5–10 s, but a blip " +
        "of 5–8 s, harmless here, would then trigger a failover.",
    },
  ],
  keyFigures: ["detectionS", "downtimeS", "failovers"],
  duration: "5m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    checker: { role: "monitor", zone: "lb" },
  },
  policy: presets.haproxy({ detector: { interval: "5s", probeTimeout: "5s" } }),
  clients: { writes: "100/s", zone: "lb" },
  faults: [at("60s", blip("8s", ["a"], ["b", "lb"])), at("182s", crash("db1"))],
  expect: {
    failovers: 1,
    falseFailovers: 0,
    detectionS: { min: 15, max: 20 },
    downtimeS: { min: 25, max: 27 },
  },
});
