// A small, fast scenario for sweep tests (a run takes a few milliseconds): a primary crash with
// a restart and a short blip, so timeouts and seeds visibly change downtime and false failovers.
import { at, blip, crash, defineScenario, restart } from "failover-sim";

export default defineScenario({
  name: "tiny-sweep",
  summary: "A crash and a blip in two minutes, for sweep tests.",
  duration: "2m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "east" },
    db2: { role: "standby", zone: "west" },
    mon: { role: "monitor", zone: "west" },
  },
  network: { latency: "2ms", jitter: "1ms" },
  replication: { mode: "async", lag: "50ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "3s" },
  clients: { writes: "20/s", zone: "east" },
  faults: [
    at("20s", blip("4s", ["east"], ["west"])),
    at("60s", crash("db2")),
    at("80s", restart("db2")),
  ],
});
