// Detection thresholds: real crashes and short blips pull the timeout in opposite directions.
//
// Why the faults are laid out this way (a limit of a fixed fault schedule, not of the lesson):
// faults name nodes, and a false failover moves the primary. So the crashes come first — each
// moves the primary to the other node for any timeout up to 30 s (db1 → db2 → db1 → db2) — and
// the blips follow from the longest to the shortest, each aimed at the node that is primary if
// every longer blip was a false failover, which is exactly when this one can be one: faults
// start a quarter of a second after a heartbeat, so a blip of B seconds is a false failover for
// a timeout of at most B seconds, and never for a longer one.
//
// What to watch (seed 1, timeout 10 s as shipped): failovers 3 (the crashes), false_failovers 0
// (every blip is shorter than the timeout), downtime_s 80.6 (73.0–81.5 over seeds 1–20). Then
// sweep it:
//   npx sim sweep scenarios/detection-thresholds.ts --vary detector.timeout=1s..30s/1s --seeds 20
// In reports/detection-thresholds-sweep/ (charts/tradeoff.png): with a 1 s timeout every blip
// becomes a false failover (8 of them, each with its warm-up and its lost writes); each second
// added to the timeout spares one blip, so downtime falls steeply until the timeout passes the
// longest blip (9 s: no false failover left). From there each second adds only to the three real
// crashes' detection: downtime rises again, by about 3 s per second.
import { at, blip, crash, defineScenario, restart } from "failover-sim";

/** Promotion leaves a cold cache: half the writes are rejected for 30 s (our assumption). */
const coldCache = { warmUp: "30s", warmUpCapacity: 0.5 } as const;

export default defineScenario({
  name: "detection-thresholds",
  summary: "Real crashes and short blips: downtime is U-shaped in the detection timeout.",
  story:
    "75 minutes of a primary (db1) and a hot standby (db2), watched by one monitor, taking 10 " +
    "writes/s. Whichever of them is promoted starts with a cold buffer cache: for 30 s it " +
    "serves only half the writes (the rest are rejected) — so every failover costs about 15 s " +
    "of downtime on top of whatever led to it. Three times the primary really crashes (and is " +
    "restarted three minutes later, to rejoin as a standby). Eight times, for 8, 7, 6, … down " +
    "to 1 second, the link between the monitor and the primary drops; nothing is down and the " +
    "clients still reach the primary.",
  lesson:
    "Downtime is U-shaped in the detection timeout: the best timeout sits just above the " +
    "hiccups your network really has, so measure them.",
  questions: [
    {
      q: "Why is downtime U-shaped in the detection timeout?",
      a:
        "Too short, and every blip longer than the timeout becomes a failover with its own cost; " +
        "too long, and every real crash waits out the timeout before anyone acts.",
    },
    {
      q: "Where is the minimum, and what decides it?",
      a:
        "Just above the longest blip you expect (9 s here, for 8 s blips): below it false " +
        "failovers dominate, above it each second costs one second per real crash.",
    },
    {
      q: "How would you choose the timeout for a real system?",
      a:
        "Measure the distribution of pauses and network blips (and GC, failover of switches), " +
        "then weigh the cost of a false failover against the rate of real failures.",
    },
  ],
  duration: "75m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a", ...coldCache },
    db2: { role: "standby", readiness: "hot", zone: "b", ...coldCache },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms", loss: 0 },
  replication: { mode: "async", lag: "10ms" },
  // Heartbeats twice a second, so even a 1 s timeout waits for two missed answers.
  detector: { kind: "timeout", interval: "500ms", timeout: "10s" },
  failover: { automatic: true, quorum: 1, fencing: "none", failback: "never" },
  clients: { writes: "10/s", zone: "app", routing: "proxy" },
  faults: [
    at("300.25s", crash("db1")), // 5 min
    at("480s", restart("db1")),
    at("720.25s", crash("db2")), // 12 min
    at("900s", restart("db2")),
    at("1140.25s", crash("db1")), // 19 min
    at("1320s", restart("db1")),
    at("1560.25s", blip("8s", ["db2"], ["mon"])), // 26 min
    at("1920.25s", blip("7s", ["db1"], ["mon"])), // 32 min
    at("2280.25s", blip("6s", ["db2"], ["mon"])), // 38 min
    at("2640.25s", blip("5s", ["db1"], ["mon"])), // 44 min
    at("3000.25s", blip("4s", ["db2"], ["mon"])), // 50 min
    at("3360.25s", blip("3s", ["db1"], ["mon"])), // 56 min
    at("3720.25s", blip("2s", ["db2"], ["mon"])), // 62 min
    at("4080.25s", blip("1s", ["db1"], ["mon"])), // 68 min
  ],
  expect: { failovers: 3, falseFailovers: 0 },
});
