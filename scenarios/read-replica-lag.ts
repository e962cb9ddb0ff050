// Read replicas: reads scale out, read-your-writes does not.
//
// What to watch (seed 1): ryw_violations 35,504 of 281,823 reads served (12.6 %; 35,362–36,258
// over seeds 1–20) — the reads that come within the replica's delay of their connection's last
// write: 200 ms of lag, 5 ms on average waiting for the ship tick and 50 ms to apply, and each connection writes every 2 s (100/s over 200
// connections), so about 0.255 / 2 ≈ 13 %. The reads chart: stale reads in amber all along, and
// spikes of timeouts after the crash — reads sent to the dead db1 until the driver skips it, 10 s
// at a time (reads_failed 5,955). lost_writes 15: the writes db1 acknowledged but never shipped.
//
// Try: `--set clients.readFrom=primary`: ryw_violations 74 — none before the crash, and after it
// only the connections whose last write was lost read stale data, from the new primary. And
// `--set replication.mode=sync`: still 6,613, since a synchronous standby acknowledges what it
// received, not what it applied (`replication.applyDelay`).
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "read-replica-lag",
  summary:
    "Reads from asynchronous replicas 200 ms behind: users do not see their own writes, and a failover makes it worse.",
  story:
    "db1 is the primary; db2 and db3 are hot read replicas that stream its log " +
    "asynchronously, 200 ms behind (a sender batching under load). The application writes 100 " +
    "times a second and reads 800 times a second over a pool of 200 connections, and sends " +
    'every read to the replicas to spare the primary ("readFrom: standbys"). A user who ' +
    "saves a form and reloads the page within those 200 ms reads from a replica that has not " +
    "applied the save yet: the page shows the old value. At 3 minutes db1 crashes: db2 is " +
    "promoted, the reads now all go to db3 (and to the dead db1 until the driver gives up on " +
    "it for 10 s at a time), and the writes db1 acknowledged but never shipped are gone — " +
    "their users will not see them on any node.",
  lesson:
    "A replica is a snapshot of the past as old as the replication lag, so reads that must " +
    "see the user's own writes go to the primary or wait for the replica to catch up.",
  questions: [
    {
      q:
        "A user updates their profile and the page still shows the old one; after a refresh it is " +
        "right. Why?",
      a:
        "The read went to an asynchronous replica that had not applied the write yet; the refresh " +
        "came after the lag. A read-your-writes violation, not lost data.",
    },
    {
      q: "How do you keep read-your-writes while reading from replicas?",
      a:
        "Remember the position (LSN/GTID) of the user's last write and read from a replica only " +
        "once it has applied it (PostgreSQL pg_last_wal_replay_lsn, MySQL " +
        "WAIT_FOR_EXECUTED_GTID_SET, MongoDB causal sessions), or send a user's reads to the " +
        "primary for a while after they write.",
    },
    {
      q: "Does synchronous replication make replica reads consistent?",
      a:
        "Only if the commit waits until the standby has applied the entry (PostgreSQL " +
        "synchronous_commit = remote_apply); a standby that acknowledges on receipt can still " +
        "answer from before the write.",
    },
  ],
  duration: "6m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", readiness: "hot", zone: "a" },
    db3: { role: "standby", readiness: "hot", zone: "a" },
    mon: { role: "monitor", zone: "a" },
  },
  replication: { mode: "async", lag: "200ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "5s" },
  clients: { writes: "100/s", reads: "800/s", readFrom: "standbys", connections: 200 },
  faults: [at("3m", crash("db1"))],
  expect: { rywViolations: { min: 30000, max: 40000 }, failovers: 1, lostWrites: { min: 1 } },
});
