// The one formatting of metric values and times.
import { describe, expect, it } from "vitest";
import { formatMetric } from "../../sim/metrics/format-metric.ts";
import { formatDecimal, formatMicros, formatSeconds } from "../../sim/metrics/format.ts";

describe("format", () => {
  it("writes whole microseconds as seconds with exactly 6 decimals", () => {
    expect(formatMicros(0)).toBe("0.000000");
    expect(formatMicros(1_500)).toBe("0.001500");
    expect(formatMicros(86_400_000_001)).toBe("86400.000001");
    expect(formatMicros(-2)).toBe("-0.000002");
    expect(() => formatMicros(0.5)).toThrow(/whole number/);
  });

  it("writes seconds exactly even where decimal floats are inexact", () => {
    // 0.1 + 0.2 = 0.30000000000000004 as a double; it is still 300000 µs.
    expect(formatSeconds(0.1 + 0.2)).toBe("0.300000");
    expect(formatSeconds(34_560_000.000001)).toBe("34560000.000001");
  });

  it("formats each metric column by its kind", () => {
    expect(formatMetric("downtime_s", 0.3)).toBe("0.300000");
    expect(formatMetric("availability", 2 / 3)).toBe("0.666667");
    expect(formatMetric("availability", 1)).toBe("1.000000");
    expect(formatMetric("writes_acked", 1200)).toBe("1200");
    expect(formatMetric("standby_cost", 3.5)).toBe("3.5");
    expect(formatMetric("standby_cost", 2)).toBe("2");
    expect(formatMetric("detection_s", null)).toBe("");
    expect(() => formatMetric("failovers", 1.5)).toThrow(/whole count/);
  });

  it("trims decimals to at most 6", () => {
    expect(formatDecimal(1 / 3)).toBe("0.333333");
    expect(formatDecimal(0.1 + 0.2)).toBe("0.3");
  });
});
