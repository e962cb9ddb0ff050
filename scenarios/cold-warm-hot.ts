// Cold, warm or hot standby: what a crash costs with each.
//
// The story: the primary db1 crashes at 2 minutes and never comes back. The monitor notices
// ~4 s later (5 s after the last heartbeat it answered) and promotes the standby db2. How long until writes succeed again, and how much is
// lost, depends on how ready db2 was — and so does what it costs to keep it:
// - hot (costPerHour 1): running, streaming and applying. Promotion: 1 s. RTO ≈ 4 s + 1 s.
// - warm (0.5): running and streaming, but applying in batches once a minute at 5,000 entries/s.
//   Promotion: apply the backlog (up to a minute of writes: ≤ 2.4 s here), then 1 s, then 30 s of
//   warm-up at half capacity (cold caches). RTO ≈ 4 s + (here ~0: the batch at 2:00 just ran) + 1 s + 30 s.
// - cold (0.1): switched off. Promotion: boot (2 min), restore the last base backup (3 min),
//   replay the archived log since that backup at 5,000 entries/s, 1 s, then 2 min of warm-up.
//   RTO ≈ 4 s + 120 s + 180 s + ~2 s + 1 s + 120 s ≈ 7 min. Worse, the archive is only shipped
//   once a minute: every write since the last archive (up to a minute of writes) is lost.
//
// Run the three side by side:
//   npx sim run scenarios/cold-warm-hot.ts --set nodes.db2.readiness=cold
//   npx sim run scenarios/cold-warm-hot.ts --set nodes.db2.readiness=warm
//   npx sim run scenarios/cold-warm-hot.ts --set nodes.db2.readiness=hot
//
// What to watch: rto_s and downtime_s (cold > warm > hot), standby_cost (cold < warm < hot),
// lost_writes (the cold standby loses what the archive never got), and in the timeline the
// stages of the promotion: booting, catching-up, promoting.
//
// The lesson: a standby's readiness buys recovery time and data. Price each against the
// downtime and data loss your users will tolerate.
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "cold-warm-hot",
  summary: "The same crash with a hot, warm or cold standby: recovery time and cost side by side.",
  duration: "15m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", readiness: "hot", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  replication: { mode: "async", lag: "10ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  clients: { writes: "200/s", zone: "a" },
  faults: [at("2m", crash("db1"))],
  expect: { failovers: 1 },
});
