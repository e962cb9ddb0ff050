// DNS failover: the database is ready long before the clients are.
//
// The story: clients find the primary through a DNS name with a 60 s TTL (as with RDS endpoints
// or Route 53 failover records). db1 crashes at 2 minutes; the monitor promotes db2 within a few
// seconds and updates the DNS record at once. But each of the group's 20 connections keeps using
// its cached answer until the TTL runs out — on average half a TTL — and 10 % of them (a runtime
// that caches DNS forever) never look again.
//
// Compare `--set clients.routing=proxy`: a proxy that follows the controller moves every
// connection within milliseconds of the promotion.
//
// What to watch: downtime_s (≈ detection + promotion + the TTL still to run, for each
// connection) against the proxy's; availability stuck below 100 % after the failover from the
// connections that ignore the TTL.
//
// The lesson: DNS-based failover is as fast as the slowest cache. Keep TTLs short, make clients
// honour them, and reconnect on errors.
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "dns-ttl",
  summary: "Failover is fast, clients are slow: a 60 s DNS TTL, and some clients that ignore it.",
  duration: "8m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  clients: { writes: "200/s", zone: "a", connections: 20, routing: { dns: { ttl: "60s", ignoreTtl: 0.1 } } },
  faults: [at("2m", crash("db1"))],
  expect: { failovers: 1, downtimeS: { min: 30 } },
});
