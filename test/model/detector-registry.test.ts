// The detector registry (sim/model/detectors/index.ts) is whole: every kind resolves from its
// defaults alone, what it draws is a valid scenario `detector` that resolves to its own kind, its
// detector suspects a node gone silent within its own detection bound (the settle period's
// term) but not one round after, and it says why in words.
import { describe, expect, it } from "vitest";
import { Rng } from "../../sim/engine/index.ts";
import { detectorKindOf, detectorKinds } from "../../sim/model/index.ts";
import { resolveScenario } from "../../sim/scenario/index.ts";

const scenario = (detector: unknown) => ({
  name: "detectors",
  summary: "One drawn detector.",
  duration: "10m",
  nodes: { db1: { role: "primary" }, db2: { role: "standby" }, mon: { role: "monitor" } },
  detector,
});

describe.each(detectorKinds)("detector kind %s", (kind) => {
  const module = detectorKindOf(kind);
  const world = resolveScenario(scenario({ kind }), { file: "detectors.ts" }).world;

  it("resolves from its defaults alone, as the scenario layer does", () => {
    expect(world.detector).toEqual({ ...module.resolve({}), intervalJitter: 0 });
    expect(world.detector.kind).toBe(kind);
  });

  it("draws settings that resolve to its own kind", () => {
    for (let i = 0; i < 20; i++) {
      const drawn = module.draw(new Rng(i, `detector:${kind}`));
      expect(drawn.kind).toBe(kind);
      expect(resolveScenario(scenario(drawn), { file: "detectors.ts" }).world.detector.kind).toBe(
        kind,
      );
    }
  });

  it("suspects a node gone silent within its detection bound", () => {
    const { intervalUs } = world.detector;
    const detector = module.create(world.detector, world.failover.lease, 0);
    const boundUs = module.detectionUs(world.detector, world.failover);
    // A hundred rounds answered within a millisecond, then silence.
    let seq = 0;
    for (let round = 0; round < 100; round++) {
      detector.probeSent(++seq, round * intervalUs);
      detector.reply(seq, round * intervalUs, round * intervalUs + 1000);
    }
    const silentFromUs = 99 * intervalUs + 1000;
    // Probes keep going out unanswered; a detector judges their deadlines when asked.
    for (let tUs = 100 * intervalUs; tUs <= silentFromUs + boundUs; tUs += intervalUs)
      detector.probeSent(++seq, tUs);
    expect(detector.suspects(silentFromUs + intervalUs)).toBe(false);
    expect(detector.suspects(silentFromUs + boundUs)).toBe(true);
  });

  it("says what it does and why it suspects", () => {
    expect(module.describe(world.detector)).not.toBe("");
    expect(module.suspicion(world.detector, "mon", true, "db1")).toContain("db1");
  });
});

describe("the consecutive detector's words", () => {
  const module = detectorKindOf("consecutive");
  const described = (failures: number, successes: number) =>
    module.describe(
      resolveScenario(scenario({ kind: "consecutive", failures, successes }), {
        file: "detectors.ts",
      }).world.detector,
    );

  it("agree with the counts, one or several", () => {
    expect(described(1, 1)).toContain(
      "1 failed probe in a row makes a suspect, 1 good one trusts it again",
    );
    expect(described(3, 2)).toContain(
      "3 failed probes in a row make a suspect, 2 good ones trust it again",
    );
  });
});
