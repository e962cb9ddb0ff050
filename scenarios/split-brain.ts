// Split brain: automatic failover without fencing.
//
// What to watch (seed 1): in the timeline, db2's lane turns primary at 2:03 while db1's stays
// primary until 3:00 — split_brain_s 57.0. divergent_writes 11,102 (db1's writes after db2's
// promotion), lost_writes 11,752 (acknowledged, then discarded: the divergent ones plus the
// 3 s before the promotion), rpo_s 60.2 (about the partition). downtime_s 0: the clients saw no
// error at all. The outage was invisible, the data loss real.
//
// Try: `--set replication.mode=sync` (db1 cannot commit without db2: nothing acknowledged is
// lost, the clients see the partition as errors instead) and split-brain-fenced.ts.
import { at, defineScenario, heal, partition } from "failover-sim";

export default defineScenario({
  name: "split-brain",
  summary: "Automatic failover without fencing: a partition leaves two primaries taking writes.",
  story:
    "db1 (primary) and the clients live in zone east; the standby db2 and the only monitor " +
    "live in zone west. At 2 minutes the link between the zones fails for one minute. The " +
    "monitor stops hearing db1, declares it dead and promotes db2. But db1 is alive: the " +
    "clients beside it keep writing to it, and it keeps acknowledging — two primaries accept " +
    "writes. When the link heals, the monitor tells db1 to step down; db1 rewinds to db2's " +
    "history and every write it acknowledged since the partition is gone.",
  lesson:
    "A failure detector cannot tell a dead primary from an unreachable one, so failover " +
    "without fencing the old primary trades downtime for lost writes.",
  questions: [
    {
      q: "The clients saw no errors. How were 11,752 acknowledged writes lost?",
      a:
        "The old primary kept acknowledging the writes of the clients on its side; after the heal " +
        "it had to rewind to the new primary's history, which never had them.",
    },
    {
      q: "Why does a shorter detector timeout not fix this?",
      a:
        "It only makes the false failover come sooner. The monitor cannot know db1 is alive; only " +
        "fencing (or a quorum that includes the clients' side) stops db1 from accepting writes.",
    },
    {
      q: "Name three ways to fence the old primary.",
      a:
        "STONITH (power it off before promoting), fencing tokens/epochs checked by the storage, " +
        "and leases the old primary must renew (it stops writing when it cannot).",
    },
  ],
  keyFigures: ["splitBrainS", "lostWrites", "downtimeS"],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "east" },
    db2: { role: "standby", readiness: "hot", zone: "west" },
    mon: { role: "monitor", zone: "west" },
  },
  network: {
    latency: "2ms",
    jitter: "1ms",
    loss: 0,
    links: { "east<->west": { latency: "20ms", jitter: "5ms" } },
  },
  replication: { mode: "async", lag: "200ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "3s" },
  failover: { automatic: true, quorum: 1, fencing: "none", failback: "never" },
  clients: { writes: "200/s", zone: "east", routing: "proxy" },
  faults: [at("2m", partition(["east"], ["west"])), at("3m", heal())],
  // What this scenario demonstrates, checked on every run.
  expect: {
    falseFailovers: 1,
    splitBrainS: { min: 50 },
    divergentWrites: { min: 1 },
    lostWrites: { min: 1 },
    downtimeS: { max: 1 },
  },
});
