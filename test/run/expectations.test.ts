// Turning unmet expectations into messages.
import { describe, expect, it } from "vitest";
import { breachesOf } from "../../sim/run/expectations.ts";
import { metricColumns, type MetricValues } from "../../sim/scenario/metric-names.ts";

function values(overrides: Partial<MetricValues>): MetricValues {
  const base = Object.fromEntries(metricColumns.map((column) => [column, 0])) as MetricValues;
  return { ...base, ...overrides };
}

describe("breachesOf", () => {
  it("reports every unmet bound in order, values formatted as in summary.csv", () => {
    const breaches = breachesOf(
      [
        { metric: "lost_writes", equals: 0 },
        { metric: "downtime_s", max: 30 },
        { metric: "failovers", min: 1, max: 1 },
        { metric: "availability", min: 0.999 },
        { metric: "rto_s", max: 5 },
      ],
      values({ lost_writes: 12, downtime_s: 30, failovers: 2, availability: 0.995, rto_s: 7.25 }),
    );
    expect(breaches).toEqual([
      "expected lost_writes = 0, got 12",
      "expected 1 ≤ failovers ≤ 1, got 2",
      "expected availability ≥ 0.999, got 0.995000",
      "expected rto_s ≤ 5, got 7.250000",
    ]);
  });

  it("compares seconds exactly (300000 µs is 0.3 s)", () => {
    expect(
      breachesOf([{ metric: "downtime_s", equals: 0.3 }], values({ downtime_s: 300_000 / 1e6 })),
    ).toEqual([]);
  });

  it("treats a metric without a value as unmet", () => {
    expect(breachesOf([{ metric: "detection_s", max: 5 }], values({ detection_s: null }))).toEqual([
      "expected detection_s ≤ 5, got no value in this run",
    ]);
  });
});
