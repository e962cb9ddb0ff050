// Detectors, fencing, failback and deciders on whole runs: the shipped scenarios and small
// clusters, each assertion derived from the configuration.
import { describe, expect, it } from "vitest";
import { RngStreams } from "../../sim/engine/index.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { at, crash, defineScenario, partition, type Scenario } from "../../sim/scenario/index.ts";
import failbackThrash from "../../scenarios/failback-thrash.ts";
import manualVsAuto from "../../scenarios/manual-vs-auto.ts";
import monitorFailure from "../../scenarios/monitor-failure.ts";
import splitBrain from "../../scenarios/split-brain.ts";
import zombiePrimary from "../../scenarios/zombie-primary.ts";

const run = (scenario: unknown, overrides: string[] = [], seed?: number) =>
  runScenario(scenario, { file: "test.ts", overrides, ...(seed === undefined ? {} : { seed }) });

describe("fencing on the split-brain partition (scenarios/split-brain.ts)", () => {
  const outcome = (fencing: string) => run(splitBrain, [`failover.fencing=${fencing}`]).metrics;

  it("without fencing, two primaries take writes", () => {
    const m = outcome("none");
    expect(m.split_brain_s!).toBeGreaterThan(50);
    expect(m.divergent_writes!).toBeGreaterThan(0);
  });

  it("epoch and STONITH fencing: writable primaries never overlap, nothing diverges", () => {
    for (const fencing of ["epoch", "stonith"]) {
      const m = outcome(fencing);
      expect(m.failovers, fencing).toBe(1);
      expect(m.split_brain_s, fencing).toBe(0);
      expect(m.divergent_writes, fencing).toBe(0);
      // Still a false failover: db1 was alive when it was decided.
      expect(m.false_failovers, fencing).toBe(1);
    }
  });

  it("min-replicas shrinks the overlap to the replica lag limit; lease fencing to its retry timeout", () => {
    // db1 stops hearing db2 at 120 s and refuses writes 10 s later; db2 (with no replica either)
    // is primary from ~123 s and refuses at its first check: under a second of overlap.
    const minReplicas = outcome("min-replicas");
    expect(minReplicas.split_brain_s!).toBeGreaterThan(0);
    expect(minReplicas.split_brain_s!).toBeLessThan(2);
    // db1 gives its lease up 10 s (renewEvery) + 10 s (retryTimeout) after its last renewal
    // (≤ 120 s), while db2 is primary from ~123 s: an overlap of up to ~17 s.
    const lease = outcome("lease");
    expect(lease.split_brain_s!).toBeGreaterThan(5);
    expect(lease.split_brain_s!).toBeLessThan(20);
    expect(lease.divergent_writes!).toBeLessThan(outcome("none").divergent_writes!);
  });

  it("a failing fencing device blocks the failover instead", () => {
    const m = run(splitBrain, [
      "failover.fencing=stonith",
      "failover.stonith.failureProbability=1",
      "failover.stonith.maxAttempts=2",
    ]).metrics;
    expect(m.failovers).toBe(0);
    expect(m.split_brain_s).toBe(0);
  });
});

describe("the zombie primary (scenarios/zombie-primary.ts)", () => {
  it("writes after waking without fencing, and is refused with lease or epoch fencing", () => {
    expect(run(zombiePrimary).metrics.divergent_writes!).toBeGreaterThan(1000);
    for (const fencing of ["lease", "epoch"])
      expect(
        run(zombiePrimary, [`failover.fencing=${fencing}`]).metrics.divergent_writes,
        fencing,
      ).toBe(0);
  });

  it("detects the pause when the lease expires: ttl after the last renewal", () => {
    // Renewals every 10 s from t = 0: the last one before the 120 s pause is at 110 s; 30 s ttl.
    const detection = run(zombiePrimary).metrics.detection_s!;
    expect(detection).toBeGreaterThan(20);
    expect(detection).toBeLessThan(20.01);
  });
});

/** A primary, a hot standby, one monitor, clients; 1 ms messages; a consecutive detector. */
const probed = (faults: Scenario["faults"]): Scenario =>
  defineScenario({
    name: "probed",
    summary: "probed",
    duration: "120s",
    nodes: {
      db1: { role: "primary", zone: "a" },
      db2: { role: "standby", zone: "b" },
      mon: { role: "monitor", zone: "c" },
    },
    network: { latency: "1ms", jitter: "0ms" },
    detector: { kind: "consecutive", interval: "5s", failures: 3, probeTimeout: "1s" },
    clients: { writes: "20/s", zone: "a" },
    faults,
  });

describe("a consecutive detector, every 5 s, 3 failures", () => {
  it("detects a crash at a random time within ((k−1)·i, k·i] plus the probe timeout, less the probe's trip", () => {
    // Probes leave at multiples of 5 s and reach db1 1 ms later; the first to fail is the first
    // sent after T − 1 ms; the third failure is declared 1 s (probe timeout) after its probe.
    // So detection − T ∈ (2·5 + 1 − 0.001, 3·5 + 1 − 0.001] = (10.999, 15.999] s.
    const rng = new RngStreams(11).stream("consecutive");
    const detections: number[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const crashUs = Math.round(rng.uniform(20, 80) * 1e6);
      const m = run(probed([at(`${crashUs}us`, crash("db1"))]), [], seed).metrics;
      detections.push(m.detection_s!);
    }
    for (const detection of detections) {
      expect(detection).toBeGreaterThan(10.999);
      expect(detection).toBeLessThanOrEqual(15.999);
    }
    // Uniform on the window: the mean is its middle, 13.499 s; 60 draws, sd of the mean 5/√12/√60 ≈ 0.19 s.
    const mean = detections.reduce((a, b) => a + b, 0) / detections.length;
    expect(Math.abs(mean - 13.499)).toBeLessThan(4 * 0.19);
  });
});

describe("failback thrash (scenarios/failback-thrash.ts)", () => {
  it("immediate failback flaps more than hold-down, on the same seeds", () => {
    for (const seed of [1, 2, 3]) {
      const immediate = run(failbackThrash, [], seed).metrics;
      const holdDown = run(failbackThrash, ["failover.failback=hold-down"], seed).metrics;
      expect(immediate.flaps!, `seed ${seed}`).toBeGreaterThan(holdDown.flaps!);
      expect(immediate.failbacks!).toBe(3);
      expect(holdDown.failbacks).toBe(0);
      // Planned failbacks are not false failovers.
      expect(immediate.false_failovers).toBe(0);
    }
  });

  it("hold-down fails back once the original primary has been healthy long enough", () => {
    // db1 is back at 8 min and stays; with a 1 min hold-down it gets the role back before the end.
    const m = run(failbackThrash, ["failover.failback=hold-down", "failover.holdDown=1m"]).metrics;
    expect(m.failbacks!).toBeGreaterThanOrEqual(1);
  });
});

describe("monitors fail too (scenarios/monitor-failure.ts)", () => {
  it("fails over while a majority of monitors is up, and not after", () => {
    const result = run(monitorFailure);
    expect(result.metrics.failovers).toBe(1);
    // Down from db2's crash at 7 min to the end of the run at 10 min.
    expect(result.metrics.downtime_s!).toBeGreaterThan(179);
    expect(
      result.events
        .filter((event) => event.kind === "failover_start")
        .map((event) => (event as { monitor: string }).monitor),
    ).toEqual(["mon2"]);
  });
});

describe("manual failover (scenarios/manual-vs-auto.ts)", () => {
  it("takes the operator's delay, minutes instead of seconds", () => {
    const rng = new RngStreams(3).stream("seeds");
    for (let i = 0; i < 5; i++) {
      const seed = 1 + rng.int(1000);
      const manual = run(manualVsAuto, [], seed).metrics;
      // Detection (~5 s) plus a delay drawn from 5–15 min, possibly twice after an operator error.
      expect(manual.downtime_s!).toBeGreaterThan(300);
      expect(manual.downtime_s!).toBeLessThan(2 * 900 + 10);
      const auto = run(manualVsAuto, ["failover.automatic=true"], seed).metrics;
      expect(auto.downtime_s!).toBeLessThan(7);
    }
  });
});

/** Three data nodes across two zones, partitions from the monitor. */
const threeNodes = (failover: Scenario["failover"], faults: Scenario["faults"]): Scenario =>
  defineScenario({
    name: "three",
    summary: "three",
    duration: "10m",
    nodes: {
      db1: { role: "primary", zone: "east" },
      db2: { role: "standby", zone: "west" },
      db3: { role: "standby", zone: "east" },
      mon: { role: "monitor", zone: "mid" },
    },
    network: { latency: "1ms", jitter: "0ms" },
    detector: { kind: "timeout", interval: "1s", timeout: "3s" },
    clients: { writes: "20/s", zone: "east" },
    failover,
    faults,
  });

describe("anti-flapping and cross-zone rules", () => {
  it("an anti-flapping block stops the second automatic failover within the period", () => {
    const faults = [at("1m", crash("db1")), at("3m", crash("db2"))];
    expect(run(threeNodes({}, faults)).metrics.failovers).toBe(2);
    const blocked = run(threeNodes({ blockFor: "1h" }, faults));
    expect(blocked.metrics.failovers).toBe(1);
    expect(
      blocked.events.some((event) => event.kind === "no_candidate" && /blocked/.test(event.reason)),
    ).toBe(true);
  });

  it("without cross-zone failover only the same-zone standby is a candidate", () => {
    // db3 (east, like db1) is cut from the monitor: the only other candidate, db2, is in west.
    const faults = [at("30s", partition(["db3"], ["mon"])), at("1m", crash("db1"))];
    expect(run(threeNodes({}, faults)).metrics.failovers).toBe(1);
    const sameZone = run(threeNodes({ crossZone: false }, faults));
    expect(sameZone.metrics.failovers).toBe(0);
    expect(
      sameZone.events.some(
        (event) => event.kind === "no_candidate" && /another zone/.test(event.reason),
      ),
    ).toBe(true);
  });
});

describe("a witness", () => {
  it("votes for a quorum but never acts as controller", () => {
    const scenario = defineScenario({
      ...threeNodes({ quorum: 2 }, [at("1m", crash("db1"))]),
      nodes: {
        db1: { role: "primary", zone: "east" },
        db2: { role: "standby", zone: "west" },
        mon: { role: "monitor", zone: "west" },
        w: { role: "witness", zone: "mid" },
      },
    });
    const result = run(scenario);
    expect(result.metrics.failovers).toBe(1);
    expect(result.events.find((event) => event.kind === "failover_start")).toMatchObject({
      monitor: "mon",
    });
    // With the only monitor down, the witness alone cannot fail over.
    const alone = run({ ...scenario, faults: [at("30s", crash("mon")), at("1m", crash("db1"))] });
    expect(alone.metrics.failovers).toBe(0);
  });
});
