// Cold, warm or hot standby: what the same crash costs with each.
//
// Run the three side by side:
//   npx sim run scenarios/cold-warm-hot.ts --set nodes.db2.readiness=hot
//   npx sim run scenarios/cold-warm-hot.ts --set nodes.db2.readiness=warm
//   npx sim run scenarios/cold-warm-hot.ts --set nodes.db2.readiness=cold
//
// What to watch (seed 1): rto_s 5.0 hot, 35.0 warm, 427.4 cold; downtime_s 5.0, 20.0 (the
// warm-up rejects half the writes for 30 s), 367.8; lost_writes 1, 1, 12,014 (the minute since
// the 1:00 archive); standby_cost 1, 0.5, 0.1. In the timeline, the stages of the cold
// promotion: off, booting, catching-up, promoting.
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "cold-warm-hot",
  summary: "The same crash with a hot, warm or cold standby: recovery time and cost side by side.",
  story:
    "The primary db1 crashes at 2 minutes and never comes back. The monitor notices 4 s later " +
    "(5 s after the last heartbeat it answered) and promotes the standby db2. How long until " +
    "writes succeed again, and how much is lost, depends on how ready db2 was — and so does " +
    "what it costs to keep it: - hot (costPerHour 1): running, streaming and applying. " +
    "Promotion: 1 s. - warm (0.5): running and streaming, but applying in batches once a " +
    "minute at 5,000 entries/s. Promotion: apply the backlog (here ~0: the batch at 2:00 just " +
    "ran), then 1 s, then 30 s of warm-up at half capacity (cold caches). - cold (0.1): " +
    "switched off. Promotion: boot (2 min), restore the last base backup (3 min), replay the " +
    "archived log since that backup at 5,000 entries/s, 1 s, then 2 min of warm-up. Worse, " +
    "the archive is only shipped once a minute: every write since the last archive is lost.",
  lesson:
    "A standby's readiness buys recovery time and data, and each level must be priced against " +
    "the downtime and data loss your users will tolerate.",
  questions: [
    {
      q: "A cold standby costs a tenth of a hot one. What does the difference buy?",
      a: "Here 7 minutes of RTO (5 s vs 427 s) and a minute of data (1 lost write vs 12,014).",
    },
    {
      q: "Why does a warm standby lose no more than a hot one, yet recover 30 s later?",
      a:
        "It receives the log as it is written (so it holds the data) but applies it in batches " +
        "and starts with cold caches; the data is safe, the performance is not yet there.",
    },
    {
      q: "How would you shrink the cold standby's data loss without paying for a warm one?",
      a:
        "Archive the log more often (or stream it to storage continuously): the loss is " +
        "everything since the last archive.",
    },
  ],
  keyFigures: ["rtoS", "lostWrites", "standbyCost"],
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
  expect: { failovers: 1, rtoS: { max: 10 }, lostWrites: { max: 20 }, standbyCost: 1 },
});
