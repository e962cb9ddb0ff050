// CLI test scenario: a run whose expectation cannot be met (no failover without faults).
import { defineScenario } from "failover-sim";

export default defineScenario({
  name: "unmet",
  summary: "Expects a failover that never happens.",
  duration: "10s",
  nodes: {
    db1: { role: "primary" },
    db2: { role: "standby" },
    mon: { role: "monitor" },
  },
  clients: { writes: "10/s" },
  expect: { failovers: { min: 1 } },
});
