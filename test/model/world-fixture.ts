// A small hand-built world for model tests: db1 primary (east), db2 hot standby (west),
// mon (west), clients (east) writing evenly every 10 ms. Overrides tweak it per test.
import type { WorldConfig } from "../../sim/model/index.ts";

export const MS = 1_000;
export const S = 1_000_000;

export function world(overrides: Partial<WorldConfig> = {}): WorldConfig {
  return {
    name: "fixture",
    seed: 1,
    durationUs: 60 * S,
    nodes: [
      { name: "db1", role: "primary", zone: "east", readiness: "hot", promoteInUs: 1 * S, costPerHour: 1 },
      { name: "db2", role: "standby", zone: "west", readiness: "hot", promoteInUs: 1 * S, costPerHour: 1 },
      { name: "mon", role: "monitor", zone: "west", readiness: "hot", promoteInUs: 0, costPerHour: 1 },
    ],
    network: { defaults: { latencyUs: 1 * MS, jitterUs: 0, lossProbability: 0 }, overrides: [] },
    replication: { mode: "async", lagUs: 0, applyDelayUs: 0, statusIntervalUs: 1 * S },
    detector: { kind: "timeout", intervalUs: 1 * S, timeoutUs: 3 * S },
    failover: { automatic: true, quorum: 1, fencing: "none", failback: "never", flapWindowUs: 360 * S },
    clients: [{ name: "clients", zone: "east", writesPerSecond: 100, arrivals: "uniform", timeoutUs: 1 * S, routing: "proxy" }],
    faults: [],
    ...overrides,
  };
}
