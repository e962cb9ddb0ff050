// Every summary metric on small scenarios whose answers are worked out by hand below.
// The cluster: db1 primary (east), db2 hot standby (west), monitor mon (west), clients (east)
// writing every 10 ms from t = 0 (100 writes/s, evenly spaced). Every message takes exactly
// 1 ms; entries ship at commit (lag 0) and apply at once. Heartbeats every 1 s, timeout 3 s,
// promotion 1 s, client timeout 1 s, 60 s of writes.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { at, crash, defineScenario, heal, partition, restart } from "../../sim/scenario/index.ts";

const cluster = (faults: ReturnType<typeof at>[]) =>
  defineScenario({
    name: "hand",
    summary: "hand-computed",
    duration: "60s",
    nodes: {
      db1: { role: "primary", zone: "east" },
      db2: { role: "standby", zone: "west", promoteIn: "1s", costPerHour: 0.5 },
      mon: { role: "monitor", zone: "west" },
    },
    network: { latency: "1ms", jitter: "0ms", loss: 0 },
    replication: { mode: "async", lag: "0ms", shipWindow: "0ms", applyDelay: "0ms" },
    detector: { kind: "timeout", interval: "1s", timeout: "3s" },
    clients: { writes: "100/s", zone: "east", arrivals: "uniform", timeout: "1s" },
    faults,
  });

const metricsOf = (...faults: ReturnType<typeof at>[]) =>
  runScenario(cluster(faults), { file: "hand.ts" }).metrics;
const seconds = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);

describe("hand-computed metrics: the primary crashes at 10 s", () => {
  const m = metricsOf(at("10s", crash("db1")));

  it("counts writes", () => {
    // Writes issued at 10.00 … 13.00 s go to the dead db1 (the reroute lands at 13.005 s): 301 fail.
    expect(m.writes_attempted).toBe(6000);
    expect(m.writes_failed).toBe(301);
    expect(m.writes_acked).toBe(5699);
    expect(m.availability).toBeCloseTo(5699 / 6000, 12);
  });

  it("measures detection, downtime and recovery", () => {
    // Last pong 9.002 s; 3 s of silence at 12.002 s.
    expect(seconds(m.detection_s)).toBe(2.002);
    // 301 failed writes, each owning 10 ms.
    expect(seconds(m.downtime_s)).toBe(3.01);
    // The outage runs from the write at 10.00 s to the first acknowledged one, issued at 13.01 s.
    expect(seconds(m.rto_s)).toBe(3.01);
  });

  it("counts one true failover, no split brain, nothing lost", () => {
    expect([m.failovers, m.false_failovers, m.failbacks, m.flaps]).toEqual([1, 0, 0, 0]);
    expect([m.split_brain_s, m.lost_writes, m.divergent_writes, m.rpo_s]).toEqual([0, 0, 0, 0]);
    // Every entry reaches db2 1 ms after its commit.
    expect(seconds(m.max_lag_s)).toBe(0.001);
    expect(m.standby_cost).toBe(0.5);
  });
});

describe("hand-computed metrics: a partition east | west from 10 s to 30 s", () => {
  const m = metricsOf(at("10s", partition(["east"], ["west"])), at("30s", heal()));

  it("shows a false failover with split brain and lost writes, and no client error", () => {
    expect([m.failovers, m.false_failovers]).toEqual([1, 1]);
    expect([m.writes_failed, m.downtime_s, m.rto_s]).toEqual([0, 0, 0]);
    expect(seconds(m.detection_s)).toBe(2.002);
    // db2 is primary from 13.003 s; db1 until its demotion at 30.003 s (reroute heard at 30.001 s,
    // db1 trusted again at 30.002 s, the follow command arrives 1 ms later).
    expect(seconds(m.split_brain_s)).toBe(17);
    // db1 accepted writes issued 13.01 … 30.00 s after db2's promotion: 1,700 divergent.
    expect(m.divergent_writes).toBe(1700);
    // db2 never had the writes issued 10.00 … 30.00 s: 2,001 acknowledged and lost; they span
    // from the last write db2 kept (committed 9.991 s) to the newest lost one (30.001 s).
    expect(m.lost_writes).toBe(2001);
    expect(seconds(m.rpo_s)).toBe(20.01);
  });
});

describe("hand-computed metrics: crash, restart, then the new primary crashes (a failback)", () => {
  const m = metricsOf(at("10s", crash("db1")), at("20s", restart("db1")), at("30s", crash("db2")));

  it("counts two failovers, the second a failback and a flap", () => {
    // db1 lost the primary role at 20 s (it came back "rejoining") and regains it at 33.003 s:
    // within the 6-minute flap window.
    expect([m.failovers, m.false_failovers, m.failbacks, m.flaps]).toEqual([2, 0, 1, 1]);
  });

  it("measures both outages", () => {
    // Each crash fails the 301 writes issued in the 3 s until the reroute.
    expect(m.writes_failed).toBe(602);
    expect(seconds(m.downtime_s)).toBe(6.02);
    expect(seconds(m.rto_s)).toBe(3.01);
    expect(seconds(m.detection_s)).toBe(2.002);
    expect(m.lost_writes).toBe(0);
  });

  it("measures the catch-up lag of the rejoined node", () => {
    // db1 follows db2 at 20.003 s and receives db2's first own entry (committed 13.011 s) at 20.005 s.
    expect(seconds(m.max_lag_s)).toBe(6.994);
  });
});
