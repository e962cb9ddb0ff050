// Presets of real systems (sim/scenario/presets/): each one's key defaults, checked after
// resolution in microseconds against the documented values; how a policy combines with preset
// overrides, the scenario's own fields and --set; and the errors a bad policy produces.
import { describe, expect, it } from "vitest";
import {
  applyOverrides,
  presetNames,
  presets,
  resolveScenario,
  type PolicySpec,
  type PresetName,
  type RejoinChoice,
  type Scenario,
} from "../../sim/scenario/index.ts";
import { expectMessage, file, scenarioErrorOf } from "./scenario-helpers.ts";

const s = 1_000_000;

/** A cluster every preset accepts: a primary, two hot standbys, three monitors, clients. */
function cluster(policy: PolicySpec, extra: Partial<Scenario> = {}): Scenario {
  return {
    name: "preset",
    summary: "A cluster for preset tests.",
    duration: "10m",
    nodes: {
      db1: { role: "primary", zone: "a" },
      db2: { role: "standby", zone: "b" },
      db3: { role: "standby", zone: "c" },
      m1: { role: "monitor", zone: "a" },
      m2: { role: "monitor", zone: "b" },
      m3: { role: "monitor", zone: "c" },
    },
    policy,
    clients: { writes: "10/s" },
    ...extra,
  };
}

const worldOf = (scenario: unknown) => resolveScenario(scenario, { file }).world;
const resolved = (policy: PolicySpec, extra: Partial<Scenario> = {}) =>
  worldOf(cluster(policy, extra));
const promoteInOf = (world: ReturnType<typeof worldOf>, node: string) =>
  world.nodes.find((n) => n.name === node)!.promoteInUs;

describe("the registry", () => {
  it("holds the eleven presets, each labelled with its own name", () => {
    expect(presetNames).toEqual([
      "redisSentinel",
      "patroni",
      "pgAutoFailover",
      "orchestrator",
      "kubernetesProbes",
      "rdsMultiAz",
      "raft",
      "pacemaker",
      "haproxy",
      "route53",
      "kafka",
    ]);
    for (const name of presetNames) expect(presets[name]().preset, name).toBe(name);
  });

  it("every preset resolves on an ordinary cluster", () => {
    for (const name of presetNames) expect(() => resolved(presets[name]()), name).not.toThrow();
  });

  it("returns fresh plain data and leaves the overrides untouched", () => {
    const overrides = { failover: { lease: { ttl: "20s" as const } } };
    const first = presets.patroni(overrides);
    first.failover!.lease!.renewEvery = "1s";
    expect(presets.patroni().failover!.lease).toEqual({
      ttl: "30s",
      renewEvery: "10s",
      retryTimeout: "10s",
    });
    expect(overrides).toEqual({ failover: { lease: { ttl: "20s" } } });
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });
});

describe("each preset's documented defaults, after resolution", () => {
  it("redisSentinel: 1 s pings, 30 s down-after, quorum 2, no fencing, 6 min block, async", () => {
    const world = resolved(presets.redisSentinel());
    expect(world.detector).toEqual({
      kind: "timeout",
      intervalUs: 1 * s,
      timeoutUs: 30 * s,
      intervalJitter: 0,
    });
    expect(world.failover).toMatchObject({
      quorum: 2,
      fencing: "none",
      failback: "never",
      blockForUs: 360 * s,
      flapWindowUs: 360 * s,
    });
    expect(world.replication.mode).toBe("async");
    expect(promoteInOf(world, "db2")).toBe(2 * s);
  });

  it("patroni: lease detection and fencing, ttl 30 s, loop_wait 10 s, retry_timeout 10 s, async", () => {
    const world = resolved(presets.patroni());
    expect(world.detector.kind).toBe("lease");
    expect(world.failover.lease).toEqual({
      ttlUs: 30 * s,
      renewEveryUs: 10 * s,
      retryTimeoutUs: 10 * s,
    });
    expect(world.failover).toMatchObject({
      fencing: "lease",
      failback: "never",
      maxLagOnFailoverUs: 1 * s,
    });
    expect(world.replication.mode).toBe("async");
  });

  it("pgAutoFailover: 5 s checks with a 5 s timeout for 20 s, self-fencing after 20 s, semi-sync, 30 s drain", () => {
    const world = resolved(presets.pgAutoFailover());
    expect(world.detector).toEqual({
      kind: "consecutive",
      intervalUs: 5 * s,
      probeTimeoutUs: 5 * s,
      failures: 4,
      successes: 1,
      intervalJitter: 0,
    });
    expect(world.failover.fencing).toBe("lease");
    expect(world.failover.lease.renewEveryUs + world.failover.lease.retryTimeoutUs).toBe(20 * s);
    expect(world.replication).toMatchObject({
      mode: "semi-sync",
      waitFor: 1,
      semiSyncTimeoutUs: 20 * s,
      minInsync: 1,
      lagTimeMaxUs: 30_000_000,
    });
    expect(promoteInOf(world, "db2")).toBe(30 * s);
    expect(world.failover.failback).toBe("never");
  });

  it("orchestrator: 5 s polls, 3600 s recovery block, manual failback with an operator, cross-zone, no fencing", () => {
    const world = resolved(presets.orchestrator());
    expect(world.detector).toEqual({
      kind: "timeout",
      intervalUs: 5 * s,
      timeoutUs: 10 * s,
      intervalJitter: 0,
    });
    expect(world.failover).toMatchObject({
      blockForUs: 3600 * s,
      failback: "manual",
      crossZone: true,
      uncleanElection: false,
      fencing: "none",
    });
    expect(world.failover.operator).toMatchObject({ minDelayUs: 300 * s, maxDelayUs: 900 * s });
    expect(world.replication.mode).toBe("async");
  });

  it("kubernetesProbes: period 10 s, probe timeout 1 s, failureThreshold 3, successThreshold 1, immediate failback", () => {
    const world = resolved(presets.kubernetesProbes());
    expect(world.detector).toEqual({
      kind: "consecutive",
      intervalUs: 10 * s,
      probeTimeoutUs: 1 * s,
      failures: 3,
      successes: 1,
      intervalJitter: 0,
    });
    expect(world.failover).toMatchObject({ failback: "immediate", fencing: "none", blockForUs: 0 });
  });

  it("rdsMultiAz: synchronous commits to one standby, managed (epoch) fencing, a 60–120 s failover", () => {
    const world = resolved(presets.rdsMultiAz());
    expect(world.replication).toMatchObject({ mode: "semi-sync", waitFor: 1 });
    expect(world.failover).toMatchObject({ fencing: "epoch", failback: "never" });
    const detector = world.detector as { timeoutUs: number };
    const total =
      detector.timeoutUs + promoteInOf(world, "db2") + world.replication.semiSyncTimeoutUs;
    expect(total).toBeGreaterThanOrEqual(60 * s);
    expect(total).toBeLessThanOrEqual(120 * s);
  });

  it("raft: heartbeat 100 ms, election timeout 1 s, majority quorum and commit, check-quorum after 1 s", () => {
    const world = resolved(presets.raft());
    expect(world.detector).toEqual({
      kind: "timeout",
      intervalUs: 100_000,
      timeoutUs: 1 * s,
      intervalJitter: 0,
    });
    expect(world.replication.mode).toBe("quorum");
    expect(world.failover).toMatchObject({ quorum: 2, fencing: "lease", failback: "never" });
    const { renewEveryUs, retryTimeoutUs } = world.failover.lease;
    expect(renewEveryUs).toBe(100_000);
    expect(renewEveryUs + retryTimeoutUs).toBe(1 * s);
  });

  it("pacemaker: token + consensus ≈ 6.6 s, STONITH with a 60 s timeout, no delay, 10 attempts, immediate failback", () => {
    const world = resolved(presets.pacemaker());
    expect(world.detector).toEqual({
      kind: "timeout",
      intervalUs: 238_000,
      timeoutUs: 6_650_000,
      intervalJitter: 0,
    });
    expect(world.failover.fencing).toBe("stonith");
    expect(world.failover.stonith).toMatchObject({
      delayUs: 0,
      timeoutUs: 60 * s,
      maxAttempts: 10,
    });
    expect(world.failover).toMatchObject({ failback: "immediate", blockForUs: 0 });
  });

  it("haproxy: inter 2 s, fall 3, rise 2, immediate failback, traffic switch in 0 s", () => {
    const world = resolved(presets.haproxy());
    expect(world.detector).toEqual({
      kind: "consecutive",
      intervalUs: 2 * s,
      probeTimeoutUs: 2 * s,
      failures: 3,
      successes: 2,
      intervalJitter: 0,
    });
    expect(world.failover).toMatchObject({ failback: "immediate", fencing: "none" });
    expect(promoteInOf(world, "db2")).toBe(0);
  });

  it("route53: 30 s interval, FailureThreshold 3, 4 s connect timeout, immediate failback, no fencing", () => {
    const world = resolved(presets.route53());
    expect(world.detector).toEqual({
      kind: "consecutive",
      intervalUs: 30 * s,
      probeTimeoutUs: 4 * s,
      failures: 3,
      successes: 3,
      intervalJitter: 0,
    });
    expect(world.failover).toMatchObject({ failback: "immediate", fencing: "none" });
  });

  it("kafka: heartbeats every 2 s, fenced after 9 s, acks=all over the ISR, min.insync.replicas 2, replica.lag.time.max.ms 30 s, clean election", () => {
    const world = resolved(presets.kafka());
    expect(world.detector.kind).toBe("lease");
    expect(world.failover.lease).toMatchObject({ ttlUs: 9 * s, renewEveryUs: 2 * s });
    expect(world.replication).toMatchObject({
      mode: "isr",
      minInsync: 2,
      lagTimeMaxUs: 30 * s,
    });
    expect(world.failover).toMatchObject({
      quorum: 1,
      fencing: "none",
      failback: "never",
      uncleanElection: false,
    });
    expect(promoteInOf(world, "db2")).toBe(500_000);
  });

  it("isr: min.insync.replicas above the replicas that stream, leader included, is refused", () => {
    expectMessage(
      scenarioErrorOf(() => worldOf(cluster(presets.kafka({ replication: { minInsync: 4 } })))),
      "policy.replication.minInsync",
      "at most the running (hot or warm) standbys and the leader, 3",
      "got minInsync 4",
    );
  });
});

/** Every preset's rejoin mode: a preset added without one here does not compile. */
const presetRejoin: Record<PresetName, RejoinChoice> = {
  redisSentinel: "standby",
  patroni: "rewind",
  pgAutoFailover: "rewind",
  orchestrator: "manual",
  kubernetesProbes: "standby",
  rdsMultiAz: "rebuild",
  raft: "standby",
  pacemaker: "standby",
  haproxy: "standby",
  route53: "standby",
  kafka: "standby",
};

describe("how each preset's deposed primary comes back (failover.rejoin)", () => {
  it.each(Object.entries(presetRejoin))("%s: %s", (name, rejoin) => {
    const world = resolved(presets[name as PresetName]());
    expect(world.failover.rejoin).toBe(rejoin);
    expect(world.failover.rewindInUs).toBe(30 * s);
  });
});

describe("how a policy combines", () => {
  it("overrides handed to a preset win, merged field by field", () => {
    const world = resolved(
      presets.patroni({ failover: { lease: { ttl: "20s" } }, replication: { mode: "sync" } }),
    );
    expect(world.failover.lease).toEqual({
      ttlUs: 20 * s,
      renewEveryUs: 10 * s,
      retryTimeoutUs: 10 * s,
    });
    expect(world.failover.fencing).toBe("lease");
    expect(world.replication.mode).toBe("sync");
  });

  it("a detector of another kind replaces the preset's instead of inheriting its fields", () => {
    expect(presets.kubernetesProbes({ detector: { kind: "timeout" } }).detector).toEqual({
      kind: "timeout",
    });
    expect(resolved(presets.kubernetesProbes({ detector: { kind: "timeout" } })).detector).toEqual({
      kind: "timeout",
      intervalUs: 1 * s,
      timeoutUs: 30 * s,
      intervalJitter: 0,
    });
    expect(
      resolved(presets.kubernetesProbes({ detector: { failures: 5 } })).detector,
    ).toMatchObject({ intervalUs: 10 * s, failures: 5 });
  });

  it("the scenario's own fields win over the policy, and fill in around it", () => {
    const world = resolved(presets.patroni(), {
      failover: { lease: { ttl: "45s" }, failback: "hold-down" },
      replication: { lag: "5ms" },
    });
    expect(world.failover.lease).toEqual({
      ttlUs: 45 * s,
      renewEveryUs: 10 * s,
      retryTimeoutUs: 10 * s,
    });
    expect(world.failover).toMatchObject({ failback: "hold-down", fencing: "lease" });
    expect(world.replication).toMatchObject({ mode: "async", lagUs: 5_000 });
    expect(resolved(presets.raft(), { detector: { kind: "phi" } }).detector).toMatchObject({
      kind: "phi",
      intervalUs: 1 * s,
      threshold: 8,
    });
  });

  it("standby settings fill the data nodes that leave them out; readiness only standbys", () => {
    const scenario = cluster(presets.rdsMultiAz({ standby: { readiness: "warm" } }));
    scenario.nodes.db3 = { role: "standby", zone: "c", promoteIn: "5s", readiness: "hot" };
    const world = worldOf(scenario);
    expect(world.nodes.find((n) => n.name === "db2")).toMatchObject({
      readiness: "warm",
      promoteInUs: 60 * s,
    });
    expect(world.nodes.find((n) => n.name === "db3")).toMatchObject({
      readiness: "hot",
      promoteInUs: 5 * s,
    });
    // The primary is promoted again on a failback, with the policy's promotion time.
    expect(world.nodes.find((n) => n.name === "db1")).toMatchObject({
      readiness: "hot",
      promoteInUs: 60 * s,
    });
  });

  it("a scenario without a policy is unchanged", () => {
    const { policy: _policy, ...plain } = cluster({});
    expect(worldOf(plain)).toEqual(worldOf(cluster({})));
  });
});

describe("--set reaches into the policy", () => {
  const overridden = (...assignments: string[]) =>
    worldOf(applyOverrides(cluster(presets.patroni()), assignments, file));

  it("--set policy.… changes the policy; --set on the scenario's own field overrides it", () => {
    expect(overridden("policy.failover.lease.ttl=20s").failover.lease.ttlUs).toBe(20 * s);
    expect(
      overridden("policy.failover.lease.ttl=20s", "failover.lease.ttl=25s").failover.lease.ttlUs,
    ).toBe(25 * s);
    expect(
      overridden("policy.standby.promoteIn=3s").nodes.find((n) => n.name === "db2")!.promoteInUs,
    ).toBe(3 * s);
    expect(
      overridden("policy.detector.kind=timeout", "policy.detector.timeout=5s").detector,
    ).toEqual({ kind: "timeout", intervalUs: 1 * s, timeoutUs: 5 * s, intervalJitter: 0 });
  });

  it("--set may create a policy in a scenario that has none", () => {
    const { policy: _policy, ...plain } = cluster({});
    const world = worldOf(applyOverrides(plain, ["policy.failover.fencing=stonith"], file));
    expect(world.failover.fencing).toBe("stonith");
  });

  it("an unknown policy path is an error that guesses the intended key", () => {
    const error = scenarioErrorOf(() =>
      applyOverrides(cluster(presets.patroni()), ["policy.failover.leasee.ttl=20s"], file),
    );
    expectMessage(
      error,
      "--set policy.failover.leasee.ttl",
      "a key of policy.failover",
      `(did you mean "lease"?)`,
    );
  });
});

describe("a bad policy is a clear ScenarioError naming the policy's field", () => {
  const errorFor = (policy: unknown, extra: Partial<Scenario> = {}) =>
    scenarioErrorOf(() => worldOf(cluster(policy as PolicySpec, extra)));

  it("an unknown key in a preset override", () => {
    const error = errorFor(presets.patroni({ failover: { leasee: { ttl: "20s" } } } as never));
    expectMessage(
      error,
      "policy.failover.leasee",
      "a key of policy.failover: automatic, quorum, fencing",
      `unknown key "leasee" (did you mean "lease"?)`,
    );
  });

  it("a bad value in a preset override", () => {
    expectMessage(
      errorFor(presets.raft({ detector: { timeout: "1 sec" as never } })),
      "policy.detector.timeout",
      `a duration like "250ms"`,
      `got "1 sec"`,
    );
    expectMessage(
      errorFor(presets.haproxy({ standby: { readiness: "tepid" as never } })),
      "policy.standby.readiness",
      `"hot", "warm" or "cold"`,
    );
  });

  it("an unknown preset label lists the presets", () => {
    expectMessage(
      errorFor({ preset: "patrony" }),
      "policy.preset",
      `"redisSentinel", "patroni"`,
      `got "patrony"`,
    );
  });

  it("a preset's quorum larger than the cluster's monitors names the policy's field", () => {
    const scenario = cluster(presets.redisSentinel());
    delete scenario.nodes.m2;
    delete scenario.nodes.m3;
    const error = scenarioErrorOf(() => worldOf(scenario));
    expectMessage(error, "policy.failover.quorum", "a whole number from 1 to 1", "got 2");
    // …and the scenario's own quorum fixes it.
    expect(worldOf({ ...scenario, failover: { quorum: 1 } }).failover.quorum).toBe(1);
  });

  it("a preset's synchronous mode without a running standby names the policy's field", () => {
    const scenario = cluster(presets.rdsMultiAz());
    scenario.nodes.db2.readiness = "cold";
    scenario.nodes.db3.readiness = "cold";
    expectMessage(
      scenarioErrorOf(() => worldOf(scenario)),
      "policy.replication.waitFor",
      "at most as many acknowledgements as running",
    );
  });
});
