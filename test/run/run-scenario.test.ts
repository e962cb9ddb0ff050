// runScenario end to end on a small scenario: pure and deterministic, overrides and seed
// applied before validation, trace levels filter only what is kept, expectations checked.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { perWriteKinds } from "../../sim/model/index.ts";
import { at, crash, defineScenario, ScenarioError } from "../../sim/scenario/index.ts";

const scenario = defineScenario({
  name: "tiny-crash",
  summary: "db1 crashes at 20 s; db2 takes over.",
  duration: "60s",
  seed: 4,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", zone: "b", costPerHour: 2 },
    mon: { role: "monitor", zone: "c" },
  },
  detector: { interval: "1s", timeout: "3s" },
  clients: { writes: "50/s" },
  faults: [at("20s", crash("db1"))],
  expect: { failovers: 1, lostWrites: { max: 1_000_000 }, splitBrainS: { min: 1 } },
});

describe("runScenario", () => {
  it("gives identical results for identical inputs", () => {
    const first = runScenario(scenario, { file: "tiny.ts" });
    const second = runScenario(scenario, { file: "tiny.ts" });
    expect(second).toEqual(first);
    expect(first.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it("without a fingerprint (what sweeps ask for) gives the same metrics and an empty fingerprint", () => {
    const full = runScenario(scenario, { file: "tiny.ts", trace: "none" });
    const bare = runScenario(scenario, { file: "tiny.ts", trace: "none", fingerprint: false });
    expect(bare.fingerprint).toBe("");
    expect(bare.metrics).toEqual(full.metrics);
    expect(bare.groups).toEqual(full.groups);
    expect(bare.eventsProcessed).toBe(full.eventsProcessed);
  });

  it("computes metrics consistent with the story and lists unmet expectations", () => {
    const result = runScenario(scenario, { file: "tiny.ts" });
    const m = result.metrics;
    expect(result.name).toBe("tiny-crash");
    expect(result.seed).toBe(4);
    expect(m.writes_attempted).toBe((m.writes_acked ?? 0) + (m.writes_failed ?? 0));
    expect(m.failovers).toBe(1);
    expect(m.standby_cost).toBe(2);
    // Detection: the 3 s timeout, counted from the crash at 20 s, within one heartbeat.
    expect(m.detection_s).toBeGreaterThanOrEqual(2);
    expect(m.detection_s).toBeLessThanOrEqual(3);
    // A crashed primary is not a second live primary: no split brain, so splitBrainS ≥ 1 is unmet.
    expect(m.split_brain_s).toBe(0);
    expect(result.breaches).toEqual(["expected split_brain_s ≥ 1, got 0.000000"]);
    expect(
      result.timeline.some(
        (row) => row.node === "db2" && row.kind === "role" && row.state === "primary",
      ),
    ).toBe(true);
    expect(result.endUs).toBe(61_000_000); // 60 s + the default 1 s client timeout
  });

  it("keeps events by trace level without changing the metrics", () => {
    const none = runScenario(scenario, { file: "tiny.ts", trace: "none" });
    const changes = runScenario(scenario, { file: "tiny.ts" });
    const full = runScenario(scenario, { file: "tiny.ts", trace: "full" });
    expect(none.events).toEqual([]);
    expect(changes.events.length).toBeGreaterThan(0);
    expect(changes.events.every((event) => !perWriteKinds.has(event.kind))).toBe(true);
    expect(full.events.filter((event) => !perWriteKinds.has(event.kind))).toEqual(changes.events);
    expect(full.events.filter((event) => event.kind === "write_issued")).toHaveLength(
      full.metrics.writes_attempted ?? -1,
    );
    expect(none.metrics).toEqual(full.metrics);
    expect(none.fingerprint).toBe(full.fingerprint);
  });

  it("applies --seed and --set before validating", () => {
    const reseeded = runScenario(scenario, { file: "tiny.ts", seed: 5 });
    expect(reseeded.seed).toBe(5);
    expect(reseeded.fingerprint).not.toBe(runScenario(scenario, { file: "tiny.ts" }).fingerprint);
    const noFailover = runScenario(scenario, {
      file: "tiny.ts",
      overrides: ["failover.automatic=false"],
    });
    expect(noFailover.metrics.failovers).toBe(0);
    expect(() =>
      runScenario(scenario, { file: "tiny.ts", overrides: ["detector.timeoutt=5s"] }),
    ).toThrow(ScenarioError);
  });
});
