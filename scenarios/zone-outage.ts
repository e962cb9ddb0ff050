// A zone outage: a standby in the primary's zone does not help.
//
// What to watch (seed 2): all three monitors suspect db1 and db2 at 2:04, then the "no candidate
// … in another zone and crossZone is off" event; db1 primary again only at 12:00 when its zone
// returns. downtime_s 600.0, failovers 0.
//
// Try: `--set failover.crossZone=true` — db3 takes over within seconds (downtime_s 5.0).
import { at, defineScenario, zoneOutage, zoneRestore } from "failover-sim";

export default defineScenario({
  name: "zone-outage",
  summary:
    "Primary and standby share a zone that fails; with cross-zone failover off, nothing can take over.",
  story:
    "Zone a loses power at 2 minutes: db1 (the primary) and db2 (its standby, placed in the " +
    'same zone "for low latency") go down together. The only other standby, db3, is in zone ' +
    "b — but this policy forbids cross-zone failover (`crossZone: false`, as some teams set " +
    "to avoid cross-region replication lag). Nobody can be promoted until zone a is back, 10 " +
    "minutes later.",
  lesson:
    "Redundancy inside one failure domain is not redundancy: place standbys across zones and " +
    "let failover cross them.",
  questions: [
    {
      q: "The cluster had two standbys. Why ten minutes of downtime?",
      a:
        "One shared the primary's zone and died with it; the other was in a zone the policy did " +
        "not allow promoting into.",
    },
    {
      q: "Why might a team forbid cross-zone failover, and what should they do instead?",
      a:
        "To avoid a primary far from its clients or behind in replication; better to keep a " +
        "standby in each zone and accept the slower primary until a failback.",
    },
    {
      q: "What is a failure domain?",
      a:
        "A set of components that can fail together (a rack, a zone, a power feed, a region); " +
        "replicas protect only against failures outside their shared domains.",
    },
  ],
  duration: "15m",
  seed: 2,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "a" },
    db3: { role: "standby", zone: "b" },
    mon1: { role: "monitor", zone: "b" },
    mon2: { role: "monitor", zone: "c" },
    mon3: { role: "monitor", zone: "d" },
  },
  network: {
    latency: "1ms",
    jitter: "0.5ms",
    links: { "a<->b": { latency: "10ms", jitter: "1ms" } },
  },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  failover: { quorum: 2, crossZone: false },
  clients: { writes: "100/s", zone: "c" },
  faults: [at("2m", zoneOutage("a")), at("12m", zoneRestore("a"))],
  expect: { failovers: 0, downtimeS: { min: 590 }, lostWrites: { max: 5 } },
});
