// The benchmark's tiny scenario (start-up cost of `sim run`): a minute, 20 writes/s, one crash.
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "bench-tiny",
  summary: "A minute at 20 writes/s; the primary crashes at 30 s.",
  duration: "1m",
  seed: 1,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
  detector: { kind: "timeout", interval: "1s", timeout: "3s" },
  clients: { writes: "20/s", zone: "a" },
  faults: [at("30s", crash("db1"))],
});
