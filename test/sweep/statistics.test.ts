// The statistics of aggregate.csv against values worked out by hand (and Student's t against
// published tables).
import { describe, expect, it } from "vitest";
import { describe as describeValues, quantile } from "../../sim/sweep/statistics.ts";
import { studentTQuantile } from "../../sim/sweep/student-t.ts";

describe("Student's t quantile", () => {
  // t(0.975, df) from published tables (6 decimals).
  it.each([
    [1, 12.706205],
    [2, 4.302653],
    [3, 3.182446],
    [4, 2.776445],
    [9, 2.262157],
    [19, 2.093024],
    [29, 2.04523],
    [30, 2.042272],
    [100, 1.983972],
    [1e6, 1.959966],
  ])("df %d → %d", (df, t) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 6);
  });

  it("other levels: t(0.95, 10) = 1.812461", () => {
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.812461, 6);
  });
});

describe("statistics over seeds", () => {
  it("1, 2, 3, 4, 10 by hand", () => {
    const s = describeValues([1, 2, 3, 4, 10]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(4);
    // sd = √((9 + 4 + 1 + 0 + 36) / 4) = √12.5
    expect(s.sd).toBeCloseTo(Math.sqrt(12.5), 12);
    // half-width = t(0.975, 4) · √12.5 / √5 = 2.776445 · 1.581139 = 4.389945
    expect(s.ciLow).toBeCloseTo(4 - 4.389945, 6);
    expect(s.ciHigh).toBeCloseTo(4 + 4.389945, 6);
    expect(s.p50).toBe(3);
    // h = (5 − 1) · 0.95 = 3.8 → 4 + 0.8 · (10 − 4) = 8.8
    expect(s.p95).toBeCloseTo(8.8, 12);
    expect(s.min).toBe(1);
    expect(s.max).toBe(10);
    // h = (5 − 1) · 0.99 = 3.96 → 4 + 0.96 · (10 − 4) = 9.76
    expect(s.p99).toBeCloseTo(9.76, 12);
  });

  it("leaves empty values out and counts the rest", () => {
    const s = describeValues([null, 5, null]);
    expect(s).toEqual({
      n: 1,
      mean: 5,
      sd: null,
      ciLow: null,
      ciHigh: null,
      p50: 5,
      p95: 5,
      min: 5,
      max: 5,
      p99: 5,
    });
  });

  it("has nothing to say about no values", () => {
    expect(describeValues([null]).n).toBe(0);
    expect(describeValues([]).mean).toBeNull();
  });

  it("equal values have a zero-width interval", () => {
    const s = describeValues([2, 2, 2]);
    expect([s.sd, s.ciLow, s.ciHigh]).toEqual([0, 2, 2]);
  });

  it("quantiles interpolate linearly between order statistics (type 7)", () => {
    expect(quantile([10, 20], 0.5)).toBe(15);
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([10, 20, 30, 40], 0.95)).toBeCloseTo(38.5, 12); // h = 2.85
    expect(quantile([7], 0.95)).toBe(7);
  });

  it("p99 of 200 values 1…200 is the value at h = 199 · 0.99 = 197.01: 198.01", () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i);
    const s = describeValues(values);
    // sorted 1…200: x[197] = 198, x[198] = 199 → 198 + 0.01 · 1
    expect(s.p99).toBeCloseTo(198.01, 9);
    expect(s.p95).toBeCloseTo(190.05, 9); // h = 189.05 → 190 + 0.05
    expect(s.p50).toBeCloseTo(100.5, 9); // h = 99.5 → 100 + 0.5
  });
});
