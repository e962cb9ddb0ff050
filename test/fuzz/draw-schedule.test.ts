// Random schedules (draw-schedule.ts, fault-space.ts): from the scenario's own names, inside the
// fault window, and the same from the same named stream.
import { describe, expect, it } from "vitest";
import { drawSchedule } from "../../sim/fuzz/draw-schedule.ts";
import { faultSpace } from "../../sim/fuzz/fault-space.ts";
import { FuzzError } from "../../sim/fuzz/fuzz-error.ts";
import { Rng } from "../../sim/engine/index.ts";
import { episodeShapeOf, resolveScenario } from "../../sim/scenario/index.ts";
import asyncUnfenced from "./fixtures/async-unfenced.ts";

const world = resolveScenario(asyncUnfenced, { file: "async-unfenced.ts" }).world;
const settleUs = 17_050_000;

describe("the fault space", () => {
  it("holds the scenario's names and a window after a warm-up and before settle + observation", () => {
    // 2 min − 17.05 s settle − 10 s of watched writes = 92.95 s.
    expect(faultSpace(world, settleUs, "f.ts")).toEqual({
      nodes: ["db1", "db2", "mon"],
      dataNodes: ["db1", "db2"],
      clients: ["clients"],
      zones: ["east", "west"],
      windowStartUs: 10_000_000,
      windowEndUs: 92_950_000,
      durationUs: 120_000_000,
    });
  });

  it("refuses a scenario too short to hold a 10 s window, saying how long it must be", () => {
    expect(() => faultSpace({ ...world, durationUs: 40_000_000 }, settleUs, "f.ts")).toThrow(
      FuzzError,
    );
    expect(() => faultSpace({ ...world, durationUs: 40_000_000 }, settleUs, "f.ts")).toThrow(
      /f\.ts: duration 40s is too short to fuzz.*at least 47\.05s/,
    );
  });
});

describe("drawing a schedule", () => {
  const space = faultSpace(world, settleUs, "f.ts");
  const names = new Set([...space.nodes, ...space.clients, ...space.zones]);
  const schedules = Array.from({ length: 200 }, (_, run) =>
    drawSchedule(new Rng(7, `fuzz:run:${run}`), space, 4),
  );

  it("is the same from the same stream, and differs between streams", () => {
    expect(drawSchedule(new Rng(7, "fuzz:run:3"), space, 4)).toEqual(schedules[3]);
    expect(schedules[4]).not.toEqual(schedules[3]);
  });

  it("draws 1 to 4 episodes inside the window, in whole milliseconds, on the scenario's names", () => {
    const counts = new Set(schedules.map((schedule) => schedule.length));
    expect([...counts].sort()).toEqual([1, 2, 3, 4]);
    const kinds = new Set<string>();
    for (const episode of schedules.flat()) {
      kinds.add(episode.fault.kind);
      expect(episode.startUs).toBeGreaterThanOrEqual(space.windowStartUs);
      expect(episode.startUs + episode.lengthUs).toBeLessThanOrEqual(space.windowEndUs);
      expect(episode.lengthUs).toBeGreaterThanOrEqual(1_000_000);
      expect(episode.lengthUs).toBeLessThanOrEqual(41_475_000); // half the 82.95 s window
      expect([episode.startUs % 1000, episode.lengthUs % 1000]).toEqual([0, 0]);
      expect(episode.repaired).toBe(true);
      const { fault } = episode;
      const used = episodeShapeOf(fault.kind).names(fault);
      for (const name of used) expect(names).toContain(name);
      if (fault.kind === "clock-skew") expect(space.dataNodes).toContain(fault.node);
      if ("groups" in fault)
        expect(fault.groups.map((group) => group.length > 0)).toEqual([true, true]);
    }
    expect([...kinds].sort()).toEqual([
      "blip",
      "clock-skew",
      "crash",
      "isolate",
      "loss",
      "one-way",
      "partition",
      "pause",
    ]);
  });
});
