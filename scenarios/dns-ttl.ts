// DNS caching: the database is ready long before the clients are.
//
// What to watch (seed 1): db2 is primary at 2:05, yet the connections move to it one by one
// until 3:00 (18 of the 20), and the last two never do; downtime_s 66.8 (66.5–67.9 over seeds
// 1–20) against 5.0 with a proxy; rto_s 359.9 — the connections that ignore the TTL fail until
// the end of the run; availability 0.86.
//
// Try: `--set clients.routing=proxy` — a proxy that follows the controller moves every
// connection within milliseconds of the promotion: downtime_s 5.0.
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "dns-ttl",
  summary: "Failover is fast, clients are slow: a 60 s DNS TTL, and some clients that ignore it.",
  story:
    "Clients find the primary through a DNS name with a 60 s TTL (as with RDS endpoints or " +
    "Route 53 failover records). db1 crashes at 2 minutes; the monitor promotes db2 5 s later " +
    "and updates the DNS record at once. But each of the group's 20 connections keeps using " +
    "its cached answer until the TTL runs out — on average half a TTL — and 10 % of them (a " +
    "runtime that caches DNS forever) never look again.",
  lesson:
    "DNS-based failover is as fast as the slowest cache, so keep TTLs short, make clients " +
    "honour them, and reconnect on errors.",
  questions: [
    {
      q: "The failover took 5 s; why were clients failing for over a minute?",
      a:
        "Each connection kept the old address until its cached DNS answer expired, up to the 60 s " +
        "TTL, so the clients' catch-up came on top of the failover.",
    },
    {
      q: "What happens to a JVM that caches DNS forever?",
      a:
        "It never sees the new primary: those connections fail until they are restarted, which is " +
        "why availability stays below 100 % to the end here.",
    },
    {
      q: "How can clients switch faster than the TTL allows?",
      a:
        "Re-resolve and reconnect on errors, use a proxy or a cluster-aware driver (discovery) " +
        "that follows the primary instead of a cached name.",
    },
  ],
  keyFigures: ["downtimeS", "detectionS", "rtoS"],
  duration: "8m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  clients: {
    writes: "200/s",
    zone: "a",
    connections: 20,
    routing: { dns: { ttl: "60s", ignoreTtl: 0.1 } },
  },
  faults: [at("2m", crash("db1"))],
  expect: { failovers: 1, downtimeS: { min: 30 }, rtoS: { min: 300 } },
});
