// The zombie primary: a GC pause longer than the lease.
//
// What to watch (seed 1): the pause at 2:00, the lease expiring at 2:20 (its last renewal was at
// 1:50), db2 primary at 2:21, db1 waking at 2:45. On waking, db1 commits and acknowledges the
// 4,130 writes that waited in its sockets (divergent_writes 4,130), and in the same instant
// hears it was deposed and rewinds them: lost_writes 4,131. split_brain_s is 0 — db1 never ran
// as primary while db2 was one, it acted in the instant it woke. The clients saw one error.
//
// Try: `--set failover.fencing=lease` (on waking db1 sees its lease lapsed and refuses every
// queued write) or `--set failover.fencing=epoch` (the storage refuses the stale epoch): both
// give divergent_writes 0 and lost_writes 1, and the 4,131 queued writes fail instead.
import { at, defineScenario, pause } from "failover-sim";

export default defineScenario({
  name: "zombie-primary",
  summary:
    "A 45 s pause outlives a 30 s lease: without fencing the paused primary wakes and writes.",
  story:
    "A Patroni-style cluster. db1 holds the leader lease (ttl 30 s, renewed every 10 s). At 2 " +
    "minutes its process freezes for 45 s — a stop-the-world GC pause, a VM migration. The " +
    "lease expires, the monitor promotes db2, and the clients are repointed at db2. Then db1 " +
    "wakes up, exactly where it stopped: it still believes it is the primary, and the writes " +
    "that queued up in its sockets during the pause (the clients wait up to 60 s) are " +
    "committed and acknowledged.",
  lesson:
    'A process cannot know how long it was paused, so anything that acts on "I am the ' +
    'leader" must check a lease or a fencing token at the moment it acts.',
  questions: [
    {
      q: "The old primary was never up at the same time as the new one. How did it lose writes?",
      a:
        "Its last act before freezing was to believe it led; on waking it acted on that belief — " +
        "committing queued writes — before learning otherwise.",
    },
    {
      q: "Why does checking the lease right before each write help, and where does it still fail?",
      a:
        'It turns "I was leader" into "I am leader now"; but a pause between the check and ' +
        "the write, or a clock that runs slow (clock-skew-lease.ts), can still break it.",
    },
    {
      q: "What makes fencing tokens safe against pauses?",
      a:
        "The storage compares the token with the newest it has seen, after any pause: a stale " +
        "leader's writes are refused however long it slept.",
    },
  ],
  keyFigures: ["splitBrainS", "lostWrites", "divergentWrites"],
  duration: "5m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", readiness: "hot", zone: "b" },
    dcs: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms" },
  replication: { mode: "async", lag: "10ms" },
  detector: { kind: "lease" },
  failover: { fencing: "none", lease: { ttl: "30s", renewEvery: "10s", retryTimeout: "10s" } },
  clients: { writes: "200/s", zone: "a", timeout: "60s" },
  faults: [at("2m", pause("db1", "45s"))],
  expect: { failovers: 1, falseFailovers: 1, divergentWrites: { min: 1 }, lostWrites: { min: 1 } },
});
