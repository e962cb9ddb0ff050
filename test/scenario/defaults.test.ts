import { describe, expect, it } from "vitest";
import { resolveScenario } from "../../sim/scenario/index.ts";
import { baseScenario, file } from "./scenario-helpers.ts";

describe("defaults fill every field a scenario leaves out", () => {
  const { world, expect: expectations, name, summary } = resolveScenario(baseScenario(), { file });

  it("keeps what the scenario says", () => {
    expect(name).toBe("base");
    expect(summary).toBe("A minimal scenario for tests.");
    expect(world.durationUs).toBe(600_000_000);
    expect(expectations).toEqual([]);
  });

  it("seed 1", () => expect(world.seed).toBe(1));

  // A hot node: promote in 1 s, apply as entries arrive, no warm-up, one cost unit per hour;
  // the cold-only fields carry the cold column's values (used if readiness is switched to cold).
  const hotNode = {
    readiness: "hot",
    promoteInUs: 1_000_000,
    costPerHour: 1,
    applyRatePerS: Infinity,
    applyEveryUs: 0,
    warmUpUs: 0,
    warmUpCapacity: 1,
    bootInUs: 120_000_000,
    restoreInUs: 180_000_000,
    backupEveryUs: 86_400_000_000,
    archiveEveryUs: 60_000_000,
    capacityPerS: Infinity,
    queueLimitUs: 5_000_000,
    // Kubernetes' back-off, unused with the default policy "never".
    restart: {
      policy: "never",
      initialUs: 10_000_000,
      maxUs: 300_000_000,
      resetAfterUs: 600_000_000,
    },
    serves: null,
    autoscale: null,
  };

  it("nodes: hot, promote in 1 s, one cost unit per hour", () => {
    expect(world.nodes).toEqual([
      { name: "db1", role: "primary", zone: "east", ...hotNode },
      { name: "db2", role: "standby", zone: "west", ...hotNode },
      { name: "mon", role: "monitor", zone: "west", ...hotNode },
    ]);
  });

  it("standbys: warm and cold defaults by readiness", () => {
    const scenario = baseScenario();
    scenario.nodes.db2.readiness = "warm";
    scenario.nodes.db3 = { role: "standby", readiness: "cold" };
    const [, warm, , cold] = resolveScenario(scenario, { file }).world.nodes;
    expect(warm).toMatchObject({
      readiness: "warm",
      costPerHour: 0.5,
      applyRatePerS: 5000,
      applyEveryUs: 60_000_000,
      warmUpUs: 30_000_000,
      warmUpCapacity: 0.5,
    });
    expect(cold).toMatchObject({
      readiness: "cold",
      costPerHour: 0.1,
      applyRatePerS: 5000,
      applyEveryUs: 0,
      warmUpUs: 120_000_000,
      bootInUs: 120_000_000,
      restoreInUs: 180_000_000,
    });
  });

  it("network: 1 ms ± 0.5 ms, no loss, no overrides", () => {
    expect(world.network).toEqual({
      defaults: {
        latency: 1_000,
        jitterUs: 500,
        lossProbability: 0,
        bandwidthPerS: Infinity,
        reorder: false,
      },
      overrides: [],
    });
  });

  it("replication: async, ships after 10 ms, applies after 50 ms, reports every second", () => {
    expect(world.replication).toEqual({
      mode: "async",
      lagUs: 10_000,
      applyDelayUs: 50_000,
      statusIntervalUs: 1_000_000,
      shipWindowUs: 10_000,
      waitFor: 1,
      semiSyncTimeoutUs: 10_000_000,
      minInsync: 1,
      lagTimeMaxUs: 30_000_000,
    });
  });

  it("detector: Redis Sentinel's 1 s ping and 30 s down-after, rounds exactly every interval", () => {
    expect(world.detector).toEqual({
      kind: "timeout",
      intervalUs: 1_000_000,
      timeoutUs: 30_000_000,
      intervalJitter: 0,
    });
  });

  it("failover: automatic, quorum 1, no fencing, no failback, a deposed primary follows at once, 6 min flap window", () => {
    expect(world.failover).toEqual({
      automatic: true,
      quorum: 1,
      fencing: "none",
      failback: "never",
      holdDownUs: 300_000_000,
      rejoin: "standby",
      rewindInUs: 30_000_000,
      flapWindowUs: 360_000_000,
      maxLagOnFailoverUs: Infinity,
      blockForUs: 0,
      crossZone: true,
      uncleanElection: false,
      lease: { ttlUs: 30_000_000, renewEveryUs: 10_000_000, retryTimeoutUs: 10_000_000 },
      stonith: {
        delayUs: 0,
        durationUs: 5_000_000,
        timeoutUs: 60_000_000,
        failureProbability: 0,
        maxAttempts: 10,
        recheckIntervalUs: 900_000_000,
      },
      minReplicas: 1,
      minReplicasMaxLagUs: 10_000_000,
      operator: null,
    });
  });

  it("clients: named clients, in the primary's zone, Poisson, 1 s timeout, via proxy", () => {
    expect(world.clients).toEqual([
      {
        name: "clients",
        zone: "east",
        writesPerSecond: 200,
        arrivals: "poisson",
        timeoutUs: 1_000_000,
        routing: { kind: "proxy" },
        connections: 1,
        retries: 0,
        backoffUs: 100_000,
        reconnectUs: 0,
        readsPerSecond: 0,
        readFrom: "primary",
        readRecheckUs: 10_000_000,
        sessions: null,
        breaker: null,
      },
    ]);
  });

  it("no faults", () => expect(world.faults).toEqual([]));

  it("a node without zone is in zone default; no clients means no client groups", () => {
    const scenario = {
      ...baseScenario(),
      nodes: { db1: { role: "primary" }, mon: { role: "monitor" } },
      clients: undefined,
    };
    const resolved = resolveScenario(scenario, { file }).world;
    expect(resolved.nodes.map((node) => node.zone)).toEqual(["default", "default"]);
    expect(resolved.clients).toEqual([]);
  });

  it("client groups in an array are clients-1, clients-2 … unless named", () => {
    const scenario = {
      ...baseScenario(),
      clients: [
        { writes: "1/s" },
        { writes: "2/s", name: "batch", zone: "west" },
        { writes: "3/m" },
      ],
    };
    const clients = resolveScenario(scenario, { file }).world.clients;
    expect(clients.map((client) => [client.name, client.zone, client.writesPerSecond])).toEqual([
      ["clients-1", "east", 1],
      ["batch", "west", 2],
      ["clients-3", "east", 0.05],
    ]);
  });

  it("--seed replaces the scenario's seed", () => {
    expect(resolveScenario({ ...baseScenario(), seed: 7 }, { file }).world.seed).toBe(7);
    expect(resolveScenario({ ...baseScenario(), seed: 7 }, { file, seed: 42 }).world.seed).toBe(42);
    expect(resolveScenario(baseScenario(), { file, seed: 0 }).world.seed).toBe(0);
  });

  it("does not mutate the scenario", () => {
    const scenario = baseScenario();
    const before = structuredClone(scenario);
    resolveScenario(scenario, { file });
    expect(scenario).toEqual(before);
  });
});
