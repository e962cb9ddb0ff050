// Flaps: a promotion giving the primary role back to a node that lost it within the flap window.
import { describe, expect, it } from "vitest";
import { summarize } from "../../sim/metrics/summary.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import { initialRoles, promoted, role, runEnd, timeOrdered, tinyWorld } from "./trace-fixtures.ts";

function flapsOf(events: TraceEvent[], flapWindowS = 60): number | null {
  return summarize(
    tinyWorld({ durationS: 600, flapWindowS }),
    timeOrdered([...initialRoles(), ...events, runEnd(601)]),
  ).flaps;
}

describe("flaps", () => {
  it("counts a return within the window and not one outside it", () => {
    // db2 takes over at 10 s; db1 loses the role at 12 s (demoted to standby).
    // db1 is promoted again at 50 s: 38 s after its loss ≤ 60 s → a flap.
    // db2 lost the role at 50 s and is promoted again at 200 s: 150 s > 60 s → not a flap.
    const events: TraceEvent[] = [
      role("db2", 10, "primary", 2),
      promoted("db2", 10, { epoch: 2 }),
      role("db1", 12, "standby", 2),
      role("db1", 50, "primary", 3),
      promoted("db1", 50, { previous: "db2", previousAlive: true, failback: true, epoch: 3 }),
      role("db2", 50, "standby", 3),
      role("db2", 200, "primary", 4),
      promoted("db2", 200, { previous: "db1", epoch: 4 }),
    ];
    expect(flapsOf(events)).toBe(1);
  });

  it("includes the window's edge and uses the loss, not the crash", () => {
    // db1 crashes at 5 s (no role change), rejoins at 40 s (role taken away: "rejoining"),
    // and is promoted at 100 s: exactly 60 s after the loss → a flap (≤ window).
    const events: TraceEvent[] = [
      { kind: "node_down", tUs: 5_000_000, node: "db1" },
      role("db2", 8, "primary", 2),
      promoted("db2", 8, { epoch: 2 }),
      { kind: "node_up", tUs: 40_000_000, node: "db1" },
      role("db1", 40, "rejoining", 1),
      role("db1", 41, "standby", 2),
      promoted("db1", 100, { previous: "db2", epoch: 3, failback: true }),
    ];
    expect(flapsOf(events)).toBe(1);
    // With a 59 s window the same history has no flap.
    expect(flapsOf(events, 59)).toBe(0);
  });

  it("is not a flap to promote a node that never was primary", () => {
    expect(flapsOf([role("db2", 10, "primary", 2), promoted("db2", 10)])).toBe(0);
  });
});
