// Split brain: time with two or more nodes up and primary at once.
import { describe, expect, it } from "vitest";
import { summarize } from "../../sim/metrics/summary.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import {
  initialRoles,
  promoted,
  role,
  runEnd,
  timeOrdered,
  tinyWorld,
  us,
} from "./trace-fixtures.ts";

function splitBrainOf(events: TraceEvent[], durationS = 60): number | null {
  return summarize(
    tinyWorld({ durationS }),
    timeOrdered([...initialRoles(), ...events, runEnd(durationS + 10)]),
  ).split_brain_s;
}

describe("split_brain_s", () => {
  it("counts overlap of two primaries, minus the time one of them was crashed", () => {
    // db1 primary from 0. db2 becomes primary at 10 s. db1 crashes at 15 s (still "primary" in
    // its role lane), restarts at 20 s still primary, and is demoted at 25 s.
    // Two live primaries during [10, 15) and [20, 25) → 5 + 5 = 10 s.
    const events: TraceEvent[] = [
      role("db2", 9, "promoting", 2),
      role("db2", 10, "primary", 2),
      promoted("db2", 10, { previousAlive: true }),
      { kind: "node_down", tUs: us(15), node: "db1" },
      { kind: "node_up", tUs: us(20), node: "db1" },
      role("db1", 25, "standby", 2),
    ];
    expect(splitBrainOf(events)).toBe(10);
  });

  it("clips to the run duration", () => {
    // Two primaries from 50 s until a demotion at 65 s, during the drain after a 60 s run (run_end
    // at 70 s) → only [50, 60) counts: 10 s.
    expect(splitBrainOf([role("db2", 50, "primary", 2), role("db1", 65, "standby", 2)])).toBe(10);
  });

  it("counts three primaries once, and promoting is not primary", () => {
    // db2 primary [10, 30), db3 primary [20, 40): at least two primaries (with db1) during [10, 40) → 30 s.
    // db3's "promoting" phase [15, 20) does not count as primary.
    const events: TraceEvent[] = [
      role("db2", 10, "primary", 2),
      role("db3", 15, "promoting", 3),
      role("db3", 20, "primary", 3),
      role("db2", 30, "standby", 3),
      role("db1", 40, "standby", 3),
    ];
    expect(splitBrainOf(events)).toBe(30);
  });

  it("is 0 with a clean failover after a crash", () => {
    const events: TraceEvent[] = [
      { kind: "node_down", tUs: us(5), node: "db1" },
      role("db2", 9, "primary", 2),
      { kind: "node_up", tUs: us(12), node: "db1" },
      role("db1", 12, "rejoining", 1),
      role("db1", 13, "standby", 2),
    ];
    expect(splitBrainOf(events)).toBe(0);
  });
});
