// HAProxy health checks with their defaults: `policy: presets.haproxy()`.
//
// The system: the proxy (beside the clients, zone lb) checks each server every 2 s (inter, also
// the check timeout); three failures in a row (fall) mark it DOWN and traffic goes to the backup
// server; two successes (rise) bring it back. Only traffic moves (promoteIn 0); no fencing.
//
// What to watch: failovers 3 (blip, failback, crash), failbacks 1, split_brain_s ≈ 14 with
// divergent_writes 0; detection_s ≈ 6–7.
import { at, blip, crash, defineScenario, presets } from "failover-sim";

export default defineScenario({
  name: "preset-haproxy",
  summary: "HAProxy defaults: DOWN in 6–8 s; a 20 s blip moves traffic away and straight back.",
  story:
    "At 2 min db1's zone is cut off from the proxy and db2 for 20 s. The checks of 2:00, 2:02 " +
    "and 2:04 time out, db1 is DOWN at 2:06 and traffic goes to db2. db1 itself still " +
    "believes it is primary (nothing tells it otherwise: split brain for 14 s) but no client " +
    "reaches it. After the heal it rejoins behind db2, passes two checks and gets the traffic " +
    "back at 2:24. At 6 min 5 s db1 crashes: DOWN at 6:12, traffic on db2 at once — 7 s " +
    "(documented 4–6 s counts checks that fail at once on a refused connection; a silent host " +
    "makes each wait its 2 s timeout).",
  lesson: "A traffic layer fails over in seconds and back just as fast, twice per blip.",
  questions: [
    {
      q: "Why does HAProxy move traffic twice for one 20 s blip?",
      a:
        "Three failed checks mark db1 DOWN (traffic to the backup), and two good checks after the " +
        "heal mark it UP again (traffic back): rise/fall damp flapping, not failback.",
    },
    {
      q: 'A load balancer "failed over" a database. What did it not do?',
      a:
        "Stop db1 from accepting writes: it only moved traffic, so db1 still believed it was " +
        "primary (14 s of split brain) — harmless here only because no client reached it.",
    },
  ],
  duration: "10m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    haproxy: { role: "monitor", zone: "lb" },
  },
  policy: presets.haproxy(),
  clients: { writes: "100/s", zone: "lb" },
  faults: [at("2m", blip("20s", ["a"], ["b", "lb"])), at("365s", crash("db1"))],
  expect: {
    failovers: 3,
    falseFailovers: 1,
    failbacks: 1,
    divergentWrites: 0,
    detectionS: { min: 5, max: 8 },
  },
});
