// A year of random crashes, and the number every availability target is made of.
//
// What to watch (seed 1): downtime_s 79,573 (22 hours; the expectation is 0.0028 × 365 days ≈
// 87,000 s), availability 0.9975, failovers 0; `sim explain` tells each crash and repair with
// its date. Over seeds 1–20 downtime_s ranges from 32,661 to 127,709 s (mean 83,143): with only a
// dozen failures a year, one year's downtime varies a lot around the mean.
//
// Try: different seeds (`--seed 2`, …), or `npx sim sweep scenarios/availability-year.ts
// --seeds 20` for the spread in aggregate.csv.
import { chaos, defineScenario } from "failover-sim";

export default defineScenario({
  name: "availability-year",
  summary:
    "One unprotected node for a year: crashes with MTBF 720 h and MTTR 2 h give ≈ 0.28 % downtime.",
  story:
    "A single database with no standby (the monitor watches it, but there is nothing to fail " +
    "over to). Its host crashes now and then — on average every 30 days (MTBF 720 h) — and " +
    "each repair takes on average 2 hours (MTTR), both exponentially distributed, drawn from " +
    "the seed. Over a simulated year the node is down about MTTR / (MTBF + MTTR) = 2 / 722 ≈ " +
    "0.28 % of the time: about 24 hours, two nines and a half.",
  lesson:
    "Availability is arithmetic on MTBF and MTTR, and a standby earns its nines by cutting " +
    "the time to recover from MTTR to detection plus promotion, not by preventing failures.",
  questions: [
    {
      q: "A server fails every 30 days on average and takes 2 hours to repair. What availability?",
      a: "MTBF / (MTBF + MTTR) = 720 / 722 ≈ 99.72 %, about a day of downtime a year.",
    },
    {
      q: "How many nines would a hot standby add here?",
      a:
        "Downtime per failure drops from 2 h to seconds (detection + promotion): about 12 " +
        "failures × 5 s a year, better than 99.999 % — if the failover itself never fails.",
    },
    {
      q: "Why can one year look much better or worse than the formula?",
      a:
        "A dozen random failures with exponential repair times have a wide spread; the formula is " +
        "the long-run mean.",
    },
  ],
  duration: "365d",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    mon: { role: "monitor", zone: "b" },
  },
  network: { latency: "1ms", jitter: "0ms" },
  // Probing once a minute is plenty for repairs measured in hours, and keeps a year of heartbeats cheap.
  detector: { kind: "timeout", interval: "60s", timeout: "180s" },
  clients: { writes: "1/m", zone: "a", timeout: "10s" },
  chaos: chaos({ crash: { mtbf: "720h", mttr: "2h" } }),
  expect: { failovers: 0, availability: { min: 0.99, max: 0.9995 } },
});
