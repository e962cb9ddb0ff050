// Standby readiness, replication modes and the lag guard, on the shipped scenarios and on small
// clusters, with the answers derived from the defaults (sim/scenario/defaults.ts).
import { describe, expect, it } from "vitest";
import { RngStreams } from "../../sim/engine/index.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import {
  at,
  blip,
  crash,
  defineScenario,
  partition,
  pause,
  restart,
  type Scenario,
} from "../../sim/scenario/index.ts";
import coldWarmHot from "../../scenarios/cold-warm-hot.ts";
import maxLagGuard from "../../scenarios/max-lag-guard.ts";
import semiSyncFallback from "../../scenarios/semi-sync-fallback.ts";
import { lostWrites } from "../validation/cases/async-lost-writes.ts";
import { varianceSe } from "../validation/stats.ts";

const run = (scenario: unknown, overrides: string[] = [], seed?: number) =>
  runScenario(scenario, { file: "test.ts", overrides, ...(seed === undefined ? {} : { seed }) });

describe("cold, warm and hot standbys (scenarios/cold-warm-hot.ts)", () => {
  const byReadiness = Object.fromEntries(
    ["hot", "warm", "cold"].map((readiness) => [
      readiness,
      run(coldWarmHot, [`nodes.db2.readiness=${readiness}`]).metrics,
    ]),
  );
  const { hot, warm, cold } = byReadiness;

  it("recovers fastest with hot and slowest with cold, and costs the reverse", () => {
    expect(cold.rto_s!).toBeGreaterThan(warm.rto_s!);
    expect(warm.rto_s!).toBeGreaterThan(hot.rto_s!);
    expect(cold.standby_cost!).toBeLessThan(warm.standby_cost!);
    expect(warm.standby_cost!).toBeLessThan(hot.standby_cost!);
  });

  it("matches the defaults: detection, then each readiness's promotion path", () => {
    // Detection: 5 s of silence since the last heartbeat answer (≈ 119.002 s), so ≈ 4 s after the
    // crash at 120 s. Hot: 4 s + 1 s promotion (+ a few ms of messages).
    expect(hot.rto_s!).toBeGreaterThanOrEqual(5);
    expect(hot.rto_s!).toBeLessThan(5.1);
    // Warm: the backlog was applied at the 120 s batch tick, so catch-up is negligible;
    // 4 s + 1 s + 30 s warm-up at half capacity (the last rejected write lands within a few ms of its end).
    expect(warm.rto_s!).toBeGreaterThan(34.9);
    expect(warm.rto_s!).toBeLessThan(35.1);
    // Cold: 4 s + 120 s boot + 180 s restore + replay of the archive since the t = 0 backup
    // (writes up to the 60 s archive: ~12,000 entries at 5,000/s ≈ 2.4 s) + 1 s + 120 s warm-up.
    expect(cold.rto_s!).toBeGreaterThan(427);
    expect(cold.rto_s!).toBeLessThan(428);
    expect([hot.standby_cost, warm.standby_cost, cold.standby_cost]).toEqual([1, 0.5, 0.1]);
  });

  it("loses what the archive never got with a cold standby: about a minute of writes", () => {
    // Archive at 60 s, crash at 120 s: ~200 writes/s × 60 s = 12,000 (Poisson, sd ≈ 110).
    expect(cold.lost_writes!).toBeGreaterThan(11_500);
    expect(cold.lost_writes!).toBeLessThan(12_500);
    expect(cold.rpo_s!).toBeGreaterThan(59.9);
    expect(cold.rpo_s!).toBeLessThanOrEqual(60.1);
    // Hot and warm had received everything but what was in flight (10 ms ship lag).
    expect(hot.lost_writes!).toBeLessThan(10);
    expect(warm.lost_writes!).toBe(hot.lost_writes);
  });

  it("shows the promotion stages in the trace", () => {
    const roles = run(coldWarmHot, ["nodes.db2.readiness=cold"])
      .events.filter((event) => event.kind === "role" && event.node === "db2")
      .map((event) => (event as { role: string }).role);
    expect(roles).toEqual(["off", "booting", "catching-up", "promoting", "primary"]);
  });
});

/** A primary, one hot standby, a monitor and clients, every message 1 ms. */
const pair = (fields: Partial<Scenario>): Scenario =>
  defineScenario({
    name: "pair",
    summary: "pair",
    duration: "60s",
    nodes: {
      db1: { role: "primary", zone: "a" },
      db2: { role: "standby", zone: "b" },
      mon: { role: "monitor", zone: "c" },
    },
    network: { latency: "1ms", jitter: "0ms" },
    detector: { interval: "1s", timeout: "3s" },
    clients: { writes: "200/s", zone: "a" },
    ...fields,
  });

/** Uniform integer time in [lowS, highS) seconds, in µs, from a named stream of the test. */
const randomTime = (rng: ReturnType<RngStreams["stream"]>, lowS: number, highS: number) =>
  Math.round(rng.uniform(lowS, highS) * 1e6);
const us = (value: number) => `${value}us` as const;

describe("synchronous replication loses no acknowledged write under any single fault", () => {
  it("holds over 120 seeds of random crashes, partitions and blips at random times", () => {
    const rng = new RngStreams(2024).stream("property:sync");
    const endpoints = ["db1", "db2", "mon", "clients"];
    let failovers = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const atUs = randomTime(rng, 5, 50);
      const kind = rng.int(3);
      // A random split of the four endpoints into two non-empty groups.
      let mask = 0;
      while (mask === 0 || mask === 15) mask = rng.int(16);
      const groups = [
        endpoints.filter((_, i) => mask & (1 << i)),
        endpoints.filter((_, i) => !(mask & (1 << i))),
      ];
      const fault =
        kind === 0
          ? crash("db1")
          : kind === 1
            ? partition(groups[0], groups[1])
            : blip(us(randomTime(rng, 1, 8)), groups[0], groups[1]);
      const result = run(
        pair({ replication: { mode: "sync" }, faults: [at(us(atUs), fault)] }),
        [],
        seed,
      );
      expect(
        result.metrics.lost_writes,
        `seed ${seed}: ${JSON.stringify(fault)} at ${atUs} µs`,
      ).toBe(0);
      failovers += result.metrics.failovers!;
    }
    // The property is not vacuous: many of these runs did fail over.
    expect(failovers).toBeGreaterThan(30);
  });
});

describe("asynchronous replication loses about write rate × (lag + half a ship window) on a crash", () => {
  it("has a mean over 60 seeds within 4 standard errors of w·(L + W/2), with mixed Poisson variance", () => {
    // Writes commit as a Poisson process at w = 200/s; each ships with the first tick of the
    // W = 40 ms ship window at least L = 100 ms after its commit. A crash at T, φ after the last
    // tick, loses exactly the acknowledged writes committed in (T − L − φ, T): given φ, Poisson
    // with mean w·(L + φ), φ ~ U[0, W). Mean w·(L + W/2) = 24, variance 24 + (w·W)²/12 ≈ 29.3;
    // tolerance 4 standard errors of each. Validation case 3
    // (test/validation/cases/async-lost-writes.ts) checks the same law over many more crashes in
    // `npm run validate`.
    const n = 60;
    const rng = new RngStreams(7).stream("property:async");
    const lost: number[] = [];
    for (let seed = 1; seed <= n; seed++) {
      const crashAt = us(randomTime(rng, 20, 40));
      const scenario = pair({
        replication: { mode: "async", lag: "100ms", shipWindow: "40ms" },
        faults: [at(crashAt, crash("db1"))],
      });
      lost.push(run(scenario, [], seed).metrics.lost_writes!);
    }
    const law = lostWrites(200, 0.1, 0.04);
    const mean = lost.reduce((a, b) => a + b, 0) / lost.length;
    const variance = lost.reduce((a, b) => a + (b - mean) ** 2, 0) / (lost.length - 1);
    expect(Math.abs(mean - law.mean)).toBeLessThan(4 * Math.sqrt(law.variance / n));
    expect(Math.abs(variance - law.variance)).toBeLessThan(
      4 * varianceSe(law.mu4, law.variance ** 2, n),
    );
  });
});

describe("semi-sync falls back to async (scenarios/semi-sync-fallback.ts)", () => {
  const result = run(semiSyncFallback);
  const fallback = result.events.find((event) => event.kind === "semi_sync" && !event.on);

  it("stops waiting 2 s after the replication link breaks, and acknowledges the waiting writes", () => {
    // The link db1–db2 breaks at 60 s; the first write left waiting times out 2 s after its
    // commit — up to lag + ship window (10 + 40 ms) before the break, as its entry was not yet
    // shipped then.
    expect(fallback).toBeDefined();
    expect(fallback!.tUs).toBeGreaterThanOrEqual(62e6 - 50e3);
    expect(fallback!.tUs).toBeLessThan(62.1e6);
  });

  it("loses the writes acknowledged after the fallback when the primary then crashes", () => {
    const lost = result.events.find((event) => event.kind === "writes_lost");
    expect(lost).toMatchObject({ node: "db1" });
    // Everything committed from the break (60 s) to the crash (90 s): ~200/s × 30 s.
    expect(result.metrics.lost_writes!).toBeGreaterThan(5500);
    expect(result.metrics.lost_writes!).toBeLessThan(6500);
    // (From the first entry not yet shipped at the break: up to lag + ship window before it.)
    expect((lost as { firstUs: number }).firstUs).toBeGreaterThanOrEqual(60e6 - 50e3);
  });

  it("with sync replication the same writes fail instead and none is lost", () => {
    const sync = run(semiSyncFallback, ["replication.mode=sync"]).metrics;
    expect(sync.lost_writes).toBe(0);
    expect(sync.writes_failed!).toBeGreaterThan(result.metrics.writes_failed!);
  });
});

describe("maxLagOnFailover (scenarios/max-lag-guard.ts)", () => {
  it("keeps the cluster down instead of promoting a standby 30 s behind", () => {
    const guarded = run(maxLagGuard);
    expect(guarded.metrics.failovers).toBe(0);
    expect(guarded.metrics.lost_writes).toBe(0);
    // Down from the crash at 120 s until db1 is back at 240 s.
    expect(guarded.metrics.downtime_s!).toBeGreaterThan(119);
    expect(guarded.metrics.downtime_s!).toBeLessThan(121);
    expect(guarded.events.find((event) => event.kind === "no_candidate")).toMatchObject({
      reason: expect.stringMatching(/maxLagOnFailover/),
    });
  });

  it("without the guard fails over fast and loses the writes the standby never received", () => {
    const unguarded = run(maxLagGuard, ["failover.maxLagOnFailover=unlimited"]).metrics;
    expect(unguarded.failovers).toBe(1);
    expect(unguarded.downtime_s!).toBeLessThan(7);
    // The link carries 150 of 200 writes/s: after 120 s the standby lacks ~(200 − 150) × 120 = 6,000.
    expect(unguarded.lost_writes!).toBeGreaterThan(5000);
    expect(unguarded.rpo_s!).toBeGreaterThan(25);
  });
});

describe("quorum replication", () => {
  const five = (faults: Scenario["faults"]) =>
    defineScenario({
      ...pair({}),
      nodes: {
        db1: { role: "primary", zone: "a" },
        s1: { role: "standby", zone: "b" },
        s2: { role: "standby", zone: "b" },
        s3: { role: "standby", zone: "b" },
        s4: { role: "standby", zone: "b" },
        mon: { role: "monitor", zone: "c" },
      },
      replication: { mode: "quorum" },
      failover: { automatic: false },
      faults,
    });

  it("acknowledges with 2 of 4 standbys (a majority of 5 with the primary), not with 1", () => {
    expect(run(five([at("20s", crash("s1")), at("20s", crash("s2"))])).metrics.writes_failed).toBe(
      0,
    );
    const oneLeft = run(
      five([
        at("20s", crash("s1")),
        at("20s", crash("s2")),
        at("20s", crash("s3")),
        at("40s", restart("s3")),
      ]),
    ).metrics;
    // From 20 s until s3 is back and caught up (~41 s) no write gathers two acknowledgements.
    expect(oneLeft.downtime_s!).toBeGreaterThan(19);
    expect(oneLeft.downtime_s!).toBeLessThan(23);
  });
});

describe("synchronous replication under sequences of faults", () => {
  it("loses no acknowledged write over 80 seeds of 2–5 random crashes, restarts, partitions, heals and pauses", () => {
    const rng = new RngStreams(99).stream("property:sync-sequences");
    const endpoints = ["db1", "db2", "mon", "clients"];
    let failovers = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const faults = [];
      const count = 2 + rng.int(4);
      for (let i = 0; i < count; i++) {
        const atUs = us(randomTime(rng, 5, 45));
        const node = rng.chance(0.5) ? "db1" : "db2";
        let mask = 0;
        while (mask === 0 || mask === 15) mask = rng.int(16);
        const groups = [
          endpoints.filter((_, j) => mask & (1 << j)),
          endpoints.filter((_, j) => !(mask & (1 << j))),
        ];
        const choice = rng.int(5);
        const fault =
          choice === 0
            ? crash(node)
            : choice === 1
              ? restart(node)
              : choice === 2
                ? partition(groups[0], groups[1])
                : choice === 3
                  ? blip(us(randomTime(rng, 1, 6)), groups[0], groups[1])
                  : pause(node, us(randomTime(rng, 1, 10)));
        faults.push(at(atUs, fault));
      }
      const result = run(pair({ replication: { mode: "sync" }, faults }), [], seed);
      expect(result.metrics.lost_writes, `seed ${seed}: ${JSON.stringify(faults)}`).toBe(0);
      failovers += result.metrics.failovers!;
    }
    expect(failovers).toBeGreaterThan(20);
  });
});

describe("epoch fencing under sequences of faults", () => {
  it("never lets two writable primaries overlap or a deposed one accept a write, over 60 seeds", () => {
    const rng = new RngStreams(5).stream("property:epoch-sequences");
    const endpoints = ["db1", "db2", "mon", "clients"];
    let falseFailovers = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const faults = [];
      for (let i = 0, count = 2 + rng.int(3); i < count; i++) {
        let mask = 0;
        while (mask === 0 || mask === 15) mask = rng.int(16);
        const groups = [
          endpoints.filter((_, j) => mask & (1 << j)),
          endpoints.filter((_, j) => !(mask & (1 << j))),
        ];
        const choice = rng.int(3);
        const node = rng.chance(0.5) ? "db1" : "db2";
        const fault =
          choice === 0
            ? partition(groups[0], groups[1])
            : choice === 1
              ? pause(node, us(randomTime(rng, 1, 10)))
              : blip(us(randomTime(rng, 1, 8)), groups[0], groups[1]);
        faults.push(at(us(randomTime(rng, 5, 45)), fault));
      }
      const result = run(pair({ failover: { fencing: "epoch" }, faults }), [], seed);
      expect(result.metrics.split_brain_s, `seed ${seed}`).toBe(0);
      expect(result.metrics.divergent_writes, `seed ${seed}`).toBe(0);
      falseFailovers += result.metrics.false_failovers!;
    }
    expect(falseFailovers).toBeGreaterThan(10);
  });
});
