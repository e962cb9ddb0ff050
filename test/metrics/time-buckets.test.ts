// Time buckets: the width adapts to the run so a series never has more than maxBuckets points.
import { describe, expect, it } from "vitest";
import { bucketWidthUs, maxBuckets, TimeBuckets } from "../../sim/metrics/time-buckets.ts";
import { us } from "./trace-fixtures.ts";

describe("TimeBuckets", () => {
  it("uses 1 s buckets for short runs and nice, wider ones for long runs", () => {
    expect(bucketWidthUs(us(601))).toBe(us(1));
    expect(bucketWidthUs(us(2000))).toBe(us(1));
    expect(bucketWidthUs(us(2001))).toBe(us(2));
    expect(bucketWidthUs(us(2 * 3600))).toBe(us(5));
    expect(bucketWidthUs(us(2 * 86_400 + 1))).toBe(us(120));
    expect(bucketWidthUs(us(400 * 86_400 + 1))).toBe(us(21_600));
    expect(bucketWidthUs(us(10_000 * 86_400 + 1))).toBe(us(6 * 86_400));
  });

  it("never has more than maxBuckets buckets", () => {
    for (const seconds of [0.5, 1, 59, 601, 7201, 86_401, 400 * 86_400 + 1, 5000 * 86_400]) {
      const buckets = new TimeBuckets(us(seconds));
      expect(buckets.count).toBeGreaterThanOrEqual(1);
      expect(buckets.count).toBeLessThanOrEqual(maxBuckets);
      expect(buckets.count * buckets.widthUs).toBeGreaterThanOrEqual(us(seconds));
    }
  });

  it("puts a time in its bucket and clamps times outside the span", () => {
    const buckets = new TimeBuckets(us(10));
    expect([buckets.widthUs, buckets.count]).toEqual([us(1), 10]);
    expect(buckets.indexOf(0)).toBe(0);
    expect(buckets.indexOf(us(1) - 1)).toBe(0);
    expect(buckets.indexOf(us(1))).toBe(1);
    expect(buckets.indexOf(us(25))).toBe(9);
    expect(buckets.indexOf(-5)).toBe(0);
    expect(buckets.startUs(3)).toBe(us(3));
  });

  it("refuses an empty span", () => {
    expect(() => new TimeBuckets(0)).toThrow(/> 0/);
  });
});
