// Shrinking (shrink.ts, reductions.ts, schedule-size.ts) against a stand-in for the simulator:
// "the invariant breaks" is a plain predicate here, so every step can be followed by hand.
import { describe, expect, it } from "vitest";
import type { Episode } from "../../sim/fuzz/episode.ts";
import type { FaultSpace } from "../../sim/fuzz/fault-space.ts";
import { reductions } from "../../sim/fuzz/reductions.ts";
import { compareSize, scheduleSize } from "../../sim/fuzz/schedule-size.ts";
import { shrink } from "../../sim/fuzz/shrink.ts";

const s = (seconds: number) => Math.round(seconds * 1e6);

const space: FaultSpace = {
  nodes: ["db1", "db2", "mon"],
  dataNodes: ["db1", "db2"],
  clients: ["clients"],
  zones: ["east", "west"],
  windowStartUs: s(10),
  windowEndUs: s(100),
  durationUs: s(120),
};

const drawn: Episode[] = [
  { fault: { kind: "pause", node: "mon" }, startUs: s(15), lengthUs: s(4), repaired: true },
  { fault: { kind: "crash", node: "db1" }, startUs: s(47.3), lengthUs: s(20), repaired: true },
  {
    fault: { kind: "partition", groups: [["east"], ["west"]] },
    startUs: s(30),
    lengthUs: s(10),
    repaired: true,
  },
];

/** The stand-in: it breaks when db1 is down for 3 s or more (or for good), from 20 s on. */
function breaks(schedule: readonly Episode[]): string | null {
  const culprit = schedule.find(
    (e) =>
      e.fault.kind === "crash" &&
      e.fault.node === "db1" &&
      e.startUs >= s(20) &&
      (!e.repaired || e.lengthUs >= s(3)),
  );
  return culprit ? "broken" : null;
}

describe("shrinking a failing schedule", () => {
  it("drops, unrepairs and moves earlier, in that order, to a fixed point", () => {
    const shrunk = shrink(drawn, "broken", breaks, { space, needsRepairs: false, maxRuns: 1000 });
    // drop: the pause goes (run 1); the crash cannot (2); the partition goes (3).
    // unrepair: the crash is never restarted — one line fewer (4).
    // earlier, from 47.3 s: 10 s ✗, 28.65 s ✓ (5, 6); 10 ✗, 19.325 ✗, 23.987 ✓ (7–9);
    // 10 ✗, 16.993 ✗, 20.49 ✓ (10–12); 10 ✗, 15.245 ✗, 17.867 ✗, whole seconds 20 ✓ (13–16);
    // 10 ✗, 15 ✗, 17.5 ✗ (17–19). A last round changes nothing: drop ✗ (20), 10, 15, 17.5 ✗ (21–23).
    expect(shrunk.schedule).toEqual([
      { fault: { kind: "crash", node: "db1" }, startUs: s(20), lengthUs: s(20), repaired: false },
    ]);
    expect(shrunk.runs).toBe(23);
    expect(shrunk.exhausted).toBe(false);
    expect(shrunk.failure).toBe("broken");
  });

  it("keeps every repair for the liveness invariant, and shortens instead", () => {
    const shrunk = shrink(drawn, "broken", breaks, { space, needsRepairs: true, maxRuns: 1000 });
    // shorten from 20 s: 100 ms ✗, 10 s ✓; 100 ms ✗, 5 s ✓; 100 ms ✗, 2.5 s ✗, 3.75 s ✓;
    // 100 ms ✗, 1.875 ✗, 2.812 ✗, whole seconds 3 s ✓; then nothing shorter breaks it.
    expect(shrunk.schedule).toEqual([
      { fault: { kind: "crash", node: "db1" }, startUs: s(20), lengthUs: s(3), repaired: true },
    ]);
  });

  it("ends at a fixed point: no single reduction of the result is smaller and still failing", () => {
    const shrunk = shrink(drawn, "broken", breaks, { space, needsRepairs: false, maxRuns: 1000 });
    const context = { space, needsRepairs: false };
    for (const reduction of reductions) {
      for (let index = 0; index < shrunk.schedule.length; index++) {
        for (const candidate of reduction.candidates(shrunk.schedule, index, context)) {
          const smaller = compareSize(scheduleSize(candidate), scheduleSize(shrunk.schedule)) < 0;
          expect(smaller && breaks(candidate) !== null).toBe(false);
        }
      }
    }
  });

  it("stops at its run limit, keeping the smallest failing schedule so far", () => {
    const shrunk = shrink(drawn, "broken", breaks, { space, needsRepairs: false, maxRuns: 3 });
    expect(shrunk.exhausted).toBe(true);
    expect(shrunk.runs).toBe(3);
    expect(shrunk.schedule).toEqual([drawn[1]]);
  });

  it("turns a partition and its heal into one blip when that still fails", () => {
    const partitioned: Episode[] = [
      {
        fault: { kind: "partition", groups: [["east"], ["west"]] },
        startUs: s(10),
        lengthUs: s(5),
        repaired: true,
      },
    ];
    const needsCut = (schedule: readonly Episode[]) =>
      schedule.some((e) => e.repaired && e.lengthUs >= s(5)) ? "cut" : null;
    const shrunk = shrink(partitioned, "cut", needsCut, {
      space,
      needsRepairs: true,
      maxRuns: 1000,
    });
    expect(shrunk.schedule).toEqual([
      {
        fault: { kind: "blip", groups: [["east"], ["west"]] },
        startUs: s(10),
        lengthUs: s(5),
        repaired: true,
      },
    ]);
  });
});

describe("the size of a schedule", () => {
  it("orders by fault lines, then total length of repaired faults, then start times", () => {
    const crash = (startUs: number, lengthUs: number, repaired = true): Episode => ({
      fault: { kind: "crash", node: "db1" },
      startUs,
      lengthUs,
      repaired,
    });
    expect(scheduleSize([crash(s(20), s(5)), crash(s(30), s(2), false)])).toEqual([3, s(5), s(50)]);
    expect(
      compareSize(scheduleSize([crash(s(50), s(60), false)]), scheduleSize([crash(s(10), s(1))])),
    ).toBeLessThan(0);
    expect(
      compareSize(scheduleSize([crash(s(50), s(1))]), scheduleSize([crash(s(10), s(2))])),
    ).toBeLessThan(0);
    expect(
      compareSize(scheduleSize([crash(s(10), s(1))]), scheduleSize([crash(s(50), s(1))])),
    ).toBeLessThan(0);
    expect(compareSize(scheduleSize([]), scheduleSize([]))).toBe(0);
  });
});
