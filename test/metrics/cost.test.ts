// Standby cost: sum of costPerHour over configured standbys.
import { describe, expect, it } from "vitest";
import { standbyCostPerHour } from "../../sim/metrics/columns/standby-cost.ts";
import { summarize } from "../../sim/metrics/summary.ts";
import { initialRoles, runEnd, tinyWorld } from "./trace-fixtures.ts";

describe("standby_cost", () => {
  it("adds the standbys' cost per hour, not the primary's or the monitor's", () => {
    // tinyWorld: db1 primary 4, db2 standby 2.5, db3 standby 1, mon monitor 0.5 → 2.5 + 1 = 3.5.
    expect(standbyCostPerHour(tinyWorld())).toBe(3.5);
    expect(summarize(tinyWorld(), [...initialRoles(), runEnd(11)]).standby_cost).toBe(3.5);
  });

  it("is 0 without standbys", () => {
    const world = tinyWorld();
    world.nodes = world.nodes.filter((node) => node.role !== "standby");
    expect(standbyCostPerHour(world)).toBe(0);
  });
});
