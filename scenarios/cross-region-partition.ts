// Cross-region failover after a short partition: the shape of GitHub's 21 October 2018 incident.
//
// What happened (GitHub's post-incident analysis,
// https://github.blog/2018-10-30-oct21-post-incident-analysis/): the MySQL primaries lived in the
// main US East Coast data centre, with replicas on the West Coast and in a public cloud;
// orchestrator ran as orchestrator/raft with nodes in all three places. At 22:52 UTC, work on
// failing optical equipment cut the East Coast hub off from that data centre for 43 seconds. The
// orchestrator nodes in the West and the cloud still made up a raft majority, judged the East
// primaries dead and promoted West Coast replicas. The East primaries had briefly taken writes
// that never reached the West; after the heal the applications wrote to the new West primaries,
// so each side held writes the other lacked and moving back East was unsafe. Service was degraded
// for 24 h 11 min; a few seconds of writes still needed reconciling by hand.
//
// What to watch (seed 1): the suspicion at 2:05.1 (db1's last answer came with the poll at
// 1:55), db2 primary at 2:08.1, the heal at 2:43 and db1 out of the cluster from 2:45
// ("rejoining", waiting for the operator); false_failovers 1,
// split_brain_s 36.9, divergent_writes 3,695, lost_writes 4,538 (4,433–4,669 over seeds 1–20)
// — the writes GitHub had to reconcile by hand — rpo_s 45.0, and downtime_s 0: no client saw an
// error. With `--trace full`, events.csv shows the price of the new topology: writes were
// acknowledged after 2 ms before the partition, after 70 ms once they go to the West. (At the
// heal orc1, back in the majority with a stale view of db2, would even fail over again: the
// hour-long recovery block stops it.)
//
// Try: `--set policy.detector.timeout=60s` (a detection window longer than the cut: no
// failover, nothing lost) or `--set failover.crossZone=false` (orchestrator's
// PreventCrossRegionMasterFailover: the same); `--set failover.fencing=epoch` (db1 stops taking
// writes at db2's promotion: no divergence, 842 writes still lost, and the East clients get
// errors for 37 s).
import { at, blip, defineScenario, presets } from "failover-sim";

export default defineScenario({
  name: "cross-region-partition",
  summary:
    "GitHub, Oct 2018: a 43 s cut, a promotion across the country, writes on both sides, a slower topology.",
  story:
    "db1 (primary), orc1 and the clients are in zone east; db2 and orc2 in west; db3 and orc3 " +
    "in the cloud; a cross-country link costs 35 ms each way. The policy is " +
    "presets.orchestrator (poll every 5 s, dead after 10 s of silence, promotion 3 s, no " +
    "fencing, no automatic recovery within an hour of one) with failback off — GitHub could " +
    "not move back. At 2:00 zone east is cut off from the rest for 43 s. orc2 and orc3 call " +
    "db1 dead and promote db2 in the West; db1, alive beside the clients, keeps acknowledging " +
    "their writes until the heal; then the clients' proxy moves to db2, and db1 — a dead " +
    'master to orchestrator, which never re-attaches one (the preset\'s rejoin "manual") — ' +
    "stays out of the cluster with everything it took alone until a person puts it back as a " +
    "replica, 5 to 15 minutes later, after this run. From then on every write of the East " +
    "clients crosses the country.",
  lesson:
    "A partition shorter than a minute is enough for a quorum on the far side to fail over, " +
    "so where a primary may move, fencing, and a detection window longer than the network's " +
    "hiccups are design decisions, not tooling details.",
  questions: [
    {
      q: "The partition lasted 43 s. Why did it cost GitHub a day?",
      a:
        "Failover fired in seconds, both sides took writes, and the diverged data could not " +
        "simply be replayed: the East writes had to be reconciled while the West primaries, far " +
        "from the applications, made the site slow.",
    },
    {
      q: "Orchestrator's raft majority worked as designed. What was missing?",
      a:
        "A rule about where a primary may go (cross-region promotion) and fencing of the old " +
        "primary; consensus decides who leads, not whether the old leader still takes writes.",
    },
    {
      q: "Would a longer detection timeout have helped?",
      a:
        "Here yes (no failover for a 43 s cut with a 60 s window), at the price of a minute " +
        "without failover on a real crash.",
    },
  ],
  keyFigures: ["splitBrainS", "lostWrites", "downtimeS"],
  duration: "6m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "east" },
    db2: { role: "standby", zone: "west" },
    db3: { role: "standby", zone: "cloud" },
    orc1: { role: "monitor", zone: "east" },
    orc2: { role: "monitor", zone: "west" },
    orc3: { role: "monitor", zone: "cloud" },
  },
  // 35 ms each way across the country; the cloud region is nearer the West Coast. Replicas are
  // farther from db1 in the cloud than in the West, so db2 always holds at least what db3 holds
  // and is the one promoted.
  network: {
    latency: "1ms",
    jitter: "0.5ms",
    links: {
      "east<->west": { latency: "35ms", jitter: "1ms" },
      "east<->cloud": { latency: "40ms", jitter: "1ms" },
      "west<->cloud": { latency: "10ms", jitter: "1ms" },
    },
  },
  // GitHub could not move the primaries back East: failback off.
  policy: presets.orchestrator({ failover: { failback: "never" } }),
  clients: { writes: "100/s", zone: "east" },
  faults: [at("2m", blip("43s", ["east"], ["west", "cloud"]))],
  expect: {
    failovers: 1,
    falseFailovers: 1,
    failbacks: 0,
    splitBrainS: { min: 20 },
    divergentWrites: { min: 1 },
    lostWrites: { min: 1000 },
    downtimeS: { max: 1 },
  },
});
