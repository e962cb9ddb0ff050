// A small hand-built world for model tests: db1 primary (east), db2 hot standby (west),
// mon (west), clients (east) writing evenly every 10 ms. Overrides tweak it per test.
import type { WorldConfig } from "../../sim/model/index.ts";

export const MS = 1_000;
export const S = 1_000_000;

/** Node settings beyond role and zone: a hot standby that applies as fast as entries arrive. */
export const hot = {
  readiness: "hot",
  promoteInUs: 1 * S,
  costPerHour: 1,
  applyRatePerS: Infinity,
  applyEveryUs: 0,
  warmUpUs: 0,
  warmUpCapacity: 1,
  bootInUs: 0,
  restoreInUs: 0,
  backupEveryUs: 3600 * S,
  archiveEveryUs: 0,
  capacityPerS: Infinity,
  queueLimitUs: 5_000_000,
  restart: {
    policy: "never",
    initialUs: 10_000_000,
    maxUs: 300_000_000,
    resetAfterUs: 600_000_000,
  },
  serves: null,
  autoscale: null,
} as const;

export function world(overrides: Partial<WorldConfig> = {}): WorldConfig {
  return {
    name: "fixture",
    seed: 1,
    durationUs: 60 * S,
    nodes: [
      { ...hot, name: "db1", role: "primary", zone: "east" },
      { ...hot, name: "db2", role: "standby", zone: "west" },
      { ...hot, name: "mon", role: "monitor", zone: "west" },
    ],
    network: {
      defaults: {
        latency: 1 * MS,
        jitterUs: 0,
        lossProbability: 0,
        bandwidthPerS: Infinity,
        reorder: false,
      },
      overrides: [],
    },
    replication: {
      mode: "async",
      lagUs: 0,
      shipWindowUs: 0,
      applyDelayUs: 0,
      statusIntervalUs: 1 * S,
      waitFor: 1,
      semiSyncTimeoutUs: 10 * S,
      minInsync: 1,
      lagTimeMaxUs: 30_000_000,
    },
    detector: { kind: "timeout", intervalUs: 1 * S, timeoutUs: 3 * S, intervalJitter: 0 },
    failover: {
      automatic: true,
      quorum: 1,
      fencing: "none",
      failback: "never",
      rejoin: "standby",
      rewindInUs: 30_000_000,
      flapWindowUs: 360 * S,
      maxLagOnFailoverUs: Infinity,
      holdDownUs: 300 * S,
      blockForUs: 0,
      crossZone: true,
      uncleanElection: false,
      lease: { ttlUs: 30 * S, renewEveryUs: 10 * S, retryTimeoutUs: 10 * S },
      stonith: {
        delayUs: 0,
        durationUs: 5 * S,
        timeoutUs: 60 * S,
        failureProbability: 0,
        maxAttempts: 10,
        recheckIntervalUs: 900_000_000,
      },
      minReplicas: 1,
      minReplicasMaxLagUs: 10 * S,
      operator: null,
    },
    clients: [
      {
        name: "clients",
        zone: "east",
        writesPerSecond: 100,
        arrivals: "uniform",
        timeoutUs: 1 * S,
        routing: { kind: "proxy" },
        connections: 1,
        retries: 0,
        backoffUs: 0,
        reconnectUs: 0,
        readsPerSecond: 0,
        readFrom: "primary",
        readRecheckUs: 10_000_000,
        sessions: null,
        breaker: null,
      },
    ],
    faults: [],
    ...overrides,
  };
}
