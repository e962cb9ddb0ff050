// A year of random crashes, and the number every availability target is made of.
//
// The story: a single database with no standby (the monitor watches it, but there is nothing to
// fail over to). Its host crashes now and then — on average every 30 days (MTBF 720 h) — and
// each repair takes on average 2 hours (MTTR), both exponentially distributed, drawn from the
// seed. Over a simulated year the node is down about MTTR / (MTBF + MTTR) = 2 / 722 ≈ 0.28 % of
// the time: about 24 hours, two nines and a half.
//
// Try different seeds (`--seed 2`, …): with only a dozen failures a year, one year's downtime
// varies a lot around that mean. `sim sweep … --seeds 20` shows the spread.
//
// What to watch: downtime_s against 0.0028 × 365 days ≈ 87,000 s; failovers 0.
//
// The lesson: availability is arithmetic on MTBF and MTTR. A standby cuts the time to recover
// from MTTR to detection plus promotion — that, not fewer failures, is where the nines come from.
import { chaos, defineScenario } from "failover-sim";

export default defineScenario({
  name: "availability-year",
  summary: "One unprotected node for a year: crashes with MTBF 720 h and MTTR 2 h give ≈ 0.28 % downtime.",
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
  expect: { failovers: 0 },
});
