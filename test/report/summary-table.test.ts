// The human summary printed by `sim run`.
import { describe, expect, it } from "vitest";
import { summaryTable } from "../../sim/report/summary-table.ts";
import { metricColumns, type MetricValues } from "../../sim/scenario/metric-names.ts";

describe("summaryTable", () => {
  it("aligns names and values, shows n/a, the seed, the fingerprint and breaches", () => {
    const metrics = Object.fromEntries(metricColumns.map((column) => [column, 0])) as MetricValues;
    metrics.writes_attempted = 120000;
    metrics.downtime_s = 12.5;
    metrics.detection_s = null;
    const text = summaryTable({
      name: "blip",
      summary: "A 20 s network blip.",
      seed: 3,
      fingerprint: "0123abcd4567ef89",
      metrics,
      breaches: ["expected lost_writes = 0, got 12"],
    });
    const lines = text.split("\n");
    expect(lines[0]).toBe("blip — A 20 s network blip.");
    expect(lines[1]).toBe("  writes_attempted           120000");
    expect(lines).toContain("  downtime_s              12.500000");
    expect(lines).toContain("  detection_s                   n/a");
    expect(lines).toContain("seed 3 · fingerprint 0123abcd4567ef89");
    expect(lines.at(-2)).toBe("expectation not met: expected lost_writes = 0, got 12");
    expect(text.endsWith("\n")).toBe(true);
    // Every metric line has the same width, so values line up on the right.
    const widths = new Set(lines.slice(1, 1 + metricColumns.length).map((line) => line.length));
    expect(widths.size).toBe(1);
  });
});
