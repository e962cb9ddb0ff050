// CLI test scenario: a short run in which the primary crashes and a standby takes over.
import { at, crash, defineScenario } from "failover-sim";

export default defineScenario({
  name: "small-crash",
  summary: "db1 crashes at 10 s; db2 takes over.",
  duration: "30s",
  seed: 2,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b" },
    mon: { role: "monitor", zone: "c" },
  },
  detector: { interval: "1s", timeout: "2s" },
  clients: { writes: "20/s" },
  faults: [at("10s", crash("db1"))],
  expect: { failovers: 1 },
});
