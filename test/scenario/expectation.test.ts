import { describe, expect, it } from "vitest";
import { describeExpectation, meetsExpectation } from "../../sim/scenario/expectation.ts";

describe("expectations", () => {
  it("an exact value", () => {
    expect(meetsExpectation({ metric: "lost_writes", equals: 0 }, 0)).toBe(true);
    expect(meetsExpectation({ metric: "lost_writes", equals: 0 }, 1)).toBe(false);
    expect(describeExpectation({ metric: "lost_writes", equals: 0 })).toBe("lost_writes = 0");
  });

  it("inclusive bounds", () => {
    const bounds = { metric: "failovers", min: 1, max: 2 } as const;
    expect([0, 1, 2, 3].map((value) => meetsExpectation(bounds, value))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(describeExpectation(bounds)).toBe("1 ≤ failovers ≤ 2");
    expect(describeExpectation({ metric: "flaps", max: 0 })).toBe("flaps ≤ 0");
    expect(describeExpectation({ metric: "failovers", min: 1 })).toBe("failovers ≥ 1");
  });

  it("a metric without a value in the run meets nothing", () => {
    expect(meetsExpectation({ metric: "detection_s", max: 5 }, null)).toBe(false);
  });
});
