// A network blip: the failover nobody needed.
//
// The story: the link between zone east (db1, the primary, and the clients) and zone west
// (standby db2 and the monitor) drops for 5 seconds at 2 minutes, then comes back. Nothing
// crashed. With a 3 s detector timeout the monitor gives up on db1 during the blip and
// promotes db2: a false failover. The clients cannot be repointed until the link is back, db1
// keeps taking their writes meanwhile, and at the heal it is demoted and rewound — those writes
// are lost.
//
// Try it: `npx sim run scenarios/blip.ts --set detector.timeout=10s` — the same blip now passes
// unnoticed: no failover, no lost writes, and the clients' writes only waited out the blip.
//
// What to watch: false_failovers, lost_writes, and how they vanish with the looser timeout.
//
// The lesson: a timeout shorter than the hiccups your network really has turns them into
// failovers, each with its own risk. Choose it from the blips you observe, not from hope.
import { at, blip, defineScenario } from "failover-sim";

export default defineScenario({
  name: "blip",
  summary: "A 5 s network blip with a 3 s detector timeout triggers a needless failover.",
  duration: "5m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "east" },
    db2: { role: "standby", readiness: "hot", zone: "west" },
    mon: { role: "monitor", zone: "west" },
  },
  network: { latency: "2ms", jitter: "1ms", loss: 0, links: { "east<->west": { latency: "20ms", jitter: "5ms" } } },
  replication: { mode: "async", lag: "100ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "3s" },
  failover: { automatic: true, quorum: 1, fencing: "none", failback: "never" },
  clients: { writes: "200/s", zone: "east", routing: "proxy" },
  faults: [at("2m", blip("5s", ["east"], ["west"]))],
});
