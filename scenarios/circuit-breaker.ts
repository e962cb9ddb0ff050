// HEADER
import { at, defineScenario, pause } from "failover-sim";

export default defineScenario({
  name: "circuit-breaker",
  summary:
    "A 15 s stall plus client retries overloads the database for good; a circuit breaker sheds the load so it recovers.",
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
