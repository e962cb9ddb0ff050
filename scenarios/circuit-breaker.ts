// A circuit breaker with graceful degradation: shedding load so a stalled database recovers.
//
// What to watch (seed 1): the breaker opens at 2:08 (1,973 failures against 3,568 calls in its
// window): calls fail at once into the fallback and none reaches db1, which drains its queue.
// At 2:38 it is half-open, one trial call succeeds, and it closes — in those 30 s it kept 11,929
// calls away from db1. writes_failed 15,102, every one answered by the fallback
// (writes_fallback 15,102); downtime_s and rto_s 38.0 (37.6–38.0 over seeds 1–20); no write is
// lost.
//
// Try: `--set clients.breaker.volumeThreshold=1000000000 --set clients.breaker.fallback=false`
// (a breaker that never opens, i.e. none): db1 never recovers — about 40 % of writes keep
// failing to the end of the run: 31,304 errors, availability 0.738, rto_s 179.9 (the rest of the
// run); `--set clients.breaker.fallback=false`: the breaker alone, 15,388 errors but the same
// recovery; and, without the breaker, `--set clients.retries=0`: no retry storm, recovered 20.6 s
// after the stall.
import { at, defineScenario, pause } from "failover-sim";

export default defineScenario({
  name: "circuit-breaker",
  summary:
    "A 15 s stall plus client retries overloads the database for good; a circuit breaker sheds the load so it recovers.",
  story:
    "checkout sends 400 writes/s to db1, which handles 600/s. Calls time out after 3 s and " +
    "are retried twice. At 2:00 db1 stalls for 15 s (a GC or VM pause). Every call made " +
    "during the stall times out and is retried; when db1 wakes, its queue is full of calls " +
    "nobody waits for any more, and new calls queue behind them, time out and come back " +
    "twice: 1,200 attempts/s offered to a node that serves 600/s. Without help this never " +
    "ends — a metastable failure. checkout's calls go through an opossum-style circuit " +
    "breaker (errorThresholdPercentage 50, resetTimeout 30 s, a 10 s rolling window) with a " +
    'fallback: a degraded answer ("order queued, confirmation by e-mail") instead of an ' +
    "error.",
  lesson:
    "Retries multiply load exactly when a dependency is weakest: a circuit breaker stops " +
    "the calls so it can recover, and a fallback turns the failures it cannot avoid into " +
    "degraded answers instead of errors.",
  questions: [
    {
      q: "The stall lasted 15 s. Why did the outage not end when db1 woke up?",
      a:
        "Its queue was full of timed-out calls and every new call waited behind them, timed out " +
        "and was retried twice: offered load (1,200/s) stayed above capacity (600/s) for good.",
    },
    {
      q: "What exactly does the breaker count, and when does it close again?",
      a:
        "Calls (fires) and failures in a rolling 10 s window; above 50 % failures it opens, " +
        "after 30 s it lets one trial call through, and that call's success closes it.",
    },
    {
      q: "Why is a fallback counted apart from errors, yet still not a success?",
      a:
        "The user gets an answer instead of an error, but the write was not made; availability " +
        "counts what was written, writes_fallback counts the degraded answers.",
    },
  ],
  keyFigures: ["rtoS", "writesFallback", "writesFailed"],
  duration: "5m",
  seed: 1,
  nodes: {
    // One database, sized for 1.5 × the normal load; nobody fails over (no standby).
    db1: { role: "primary", zone: "a", capacity: "600/s" },
    mon: { role: "monitor", zone: "b" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  failover: { automatic: false },
  clients: {
    name: "checkout",
    writes: "400/s",
    zone: "a",
    // opossum's `timeout: 3000`: a call without an answer in 3 s has failed.
    timeout: "3s",
    // Each failed call is tried again twice, after 100 ms and 200 ms.
    retries: 2,
    backoff: "100ms",
    // opossum: errorThresholdPercentage 50, resetTimeout 30000, a 10 s window in 10 buckets,
    // and a fallback (a degraded answer: "order queued, confirmation by e-mail").
    breaker: { errorThresholdPercentage: 50, resetTimeout: "30s", fallback: true },
  },
  faults: [at("2m", pause("db1", "15s"))],
  expect: {
    // Recovered within a minute of the stall, every failed write answered by the fallback.
    rtoS: { max: 45 },
    downtimeS: { max: 45 },
    writesFallback: { min: 10000 },
    writesFailed: { max: 20000 },
    failovers: 0,
    lostWrites: 0,
  },
});
