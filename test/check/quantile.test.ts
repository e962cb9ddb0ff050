// The nearest-rank quantile `expect: { downtimeS: { max: 30, quantile: 0.95 } }` means over seeds:
// rank ⌈q·n⌉ of the n values sorted ascending (1-based). Every answer below is worked out by hand.
import { describe, expect, it } from "vitest";
import { nearestRank, nearestRankQuantile } from "../../sim/check/quantile.ts";

describe("nearestRank", () => {
  it("is ⌈q·n⌉", () => {
    expect(nearestRank(20, 0.95)).toBe(19); // 0.95 × 20 = 19 exactly: the 19th of 20, one seed may exceed
    expect(nearestRank(10, 0.95)).toBe(10); // 9.5 → 10: with 10 seeds p95 is the maximum
    expect(nearestRank(3, 0.5)).toBe(2); // 1.5 → 2: the median of three
    expect(nearestRank(4, 0.5)).toBe(2); // 2 exactly: the lower middle value, no interpolation
    expect(nearestRank(10, 0.01)).toBe(1); // 0.1 → 1: never below the first
    expect(nearestRank(7, 1)).toBe(7); // q = 1 is the maximum
    expect(nearestRank(1, 0.3)).toBe(1); // one value is every quantile of itself
  });

  it("counts q·n in decimal, not in binary floating point", () => {
    expect(0.07 * 100).toBeGreaterThan(7); // 7.000000000000001 in floating point…
    expect(nearestRank(100, 0.07)).toBe(7); // …but the 7th value is meant
    expect(nearestRank(1000, 0.001)).toBe(1);
  });

  it("refuses what has no quantile", () => {
    expect(() => nearestRank(0, 0.5)).toThrow(/at least one value/);
    expect(() => nearestRank(5, 0)).toThrow(/quantile in \(0, 1\]/);
    expect(() => nearestRank(5, 1.5)).toThrow(/quantile in \(0, 1\]/);
  });
});

describe("nearestRankQuantile", () => {
  it("picks the value of that rank and says where it was", () => {
    // Sorted: 3 (index 0), 5 (2), 8 (4), 12 (1), 40 (3).
    const values = [3, 12, 5, 40, 8];
    expect(nearestRankQuantile(values, 0.8)).toEqual({ value: 12, index: 1 }); // rank 4
    expect(nearestRankQuantile(values, 0.9)).toEqual({ value: 40, index: 3 }); // rank ⌈4.5⌉ = 5
    expect(nearestRankQuantile(values, 0.2)).toEqual({ value: 3, index: 0 }); // rank 1
  });

  it("ranks equal values in their given order", () => {
    expect(nearestRankQuantile([7, 7, 7], 1)).toEqual({ value: 7, index: 2 });
    expect(nearestRankQuantile([7, 7, 7], 0.5)).toEqual({ value: 7, index: 1 });
  });
});
