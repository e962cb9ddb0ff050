// Paired comparisons and aggregate.csv on hand-made rows whose answers are worked out by hand.
import { describe, expect, it } from "vitest";
import { metricColumns } from "../../sim/scenario/index.ts";
import { aggregate, aggregateCsv } from "../../sim/sweep/aggregate.ts";
import { axesOf } from "../../sim/sweep/axes.ts";
import { buildGrid, jobIndexOf, type Grid } from "../../sim/sweep/grid.ts";
import { pairedComparisons, pairedCsv } from "../../sim/sweep/paired.ts";
import type { SweepRow } from "../../sim/sweep/runs-table.ts";
import { pairedSentences } from "../../sim/sweep/sweep-summary.ts";

const downtime = metricColumns.indexOf("downtime_s");

/** Rows whose downtime_s is given per point and seed; every other metric is "0". */
function rowsOf(grid: Grid, downtimes: Record<number, (string | null)[]>): SweepRow[] {
  return Object.entries(downtimes).flatMap(([point, values]) =>
    values.map((value, s) => {
      const cells = metricColumns.map(() => "0");
      cells[downtime] = value ?? "";
      return { job: jobIndexOf(grid, Number(point), grid.seeds[s])!, cells };
    }),
  );
}

describe("paired comparison of one varied path", () => {
  const grid = buildGrid([{ path: "failover.policy", values: ["a", "b"] }], [1, 2, 3]);
  // a: 10, 12, 11; b: 7, 9, 8.5 → differences −3, −3, −2.5
  const rows = rowsOf(grid, {
    0: ["10.000000", "12.000000", "11.000000"],
    1: ["7.000000", "9.000000", "8.500000"],
  });

  it("gives the mean per-seed difference and its t-interval", () => {
    const c = pairedComparisons(grid, rows).find((row) => row.metric === "downtime_s")!;
    expect(c.n).toBe(3);
    expect(c.meanDiff).toBeCloseTo(-2.833333, 6);
    // sd = √(1/12) = 0.288675; half-width = t(0.975, 2) · sd / √3 = 4.302653 · 0.166667 = 0.717109
    expect(c.sdDiff).toBeCloseTo(0.288675, 6);
    expect(c.ciLow).toBeCloseTo(-3.550442, 6);
    expect(c.ciHigh).toBeCloseTo(-2.116225, 6);
  });

  it("writes paired.csv with the baseline named", async () => {
    const csv = await pairedCsv(grid, pairedComparisons(grid, rows));
    const lines = csv.split("\n");
    expect(lines[0]).toBe("failover.policy,baseline,metric,n,mean_diff,sd_diff,ci95_low,ci95_high");
    expect(lines).toContain("b,a,downtime_s,3,-2.833333,0.288675,-3.550442,-2.116225");
    expect(lines).toContain("b,a,lost_writes,3,0.000000,0.000000,0.000000,0.000000");
  });

  it("says it in a sentence", () => {
    const [sentence] = pairedSentences(grid, pairedComparisons(grid, rows));
    expect(sentence).toBe(
      "failover.policy=b vs a: cuts downtime_s by 2.83 s ± 717 ms (95% CI, 3 paired seeds); same false_failovers on every seed; same lost_writes on every seed",
    );
  });

  it("pairs only seeds where both runs have a value", () => {
    const sparse = rowsOf(grid, {
      0: ["10.000000", null, "11.000000"],
      1: ["7.000000", "9.000000", null],
    });
    const c = pairedComparisons(grid, sparse).find((row) => row.metric === "downtime_s")!;
    expect(c.n).toBe(1);
    expect(c.meanDiff).toBe(-3);
    expect(c.ciLow).toBeNull();
  });
});

describe("which path is compared", () => {
  it("a policy against the first, per value of the numeric x path", () => {
    const grid = buildGrid(
      [
        { path: "detector.timeout", values: ["1s", "2s"] },
        { path: "replication.mode", values: ["async", "sync"] },
      ],
      [1, 2],
    );
    expect(axesOf(grid)).toMatchObject({
      x: 0,
      xNumbers: [1, 2],
      xUnit: "s",
      series: [1],
      compared: 1,
    });
    // timeout 1s: async 4, 6; sync 3, 4 → −1, −2.   timeout 2s: async 5, 5; sync 5, 5 → 0, 0.
    const rows = rowsOf(grid, { 0: ["4", "6"], 1: ["3", "4"], 2: ["5", "5"], 3: ["5", "5"] });
    const downtimes = pairedComparisons(grid, rows).filter((row) => row.metric === "downtime_s");
    expect(downtimes.map((c) => [c.point, c.baselinePoint, c.meanDiff])).toEqual([
      [1, 0, -1.5],
      [3, 2, 0],
    ]);
  });

  it("a fixed path (one value) is not compared", () => {
    const grid = buildGrid(
      [
        { path: "replication.mode", values: ["sync"] },
        { path: "detector.timeout", values: ["1s", "2s", "3s"] },
      ],
      [1],
    );
    expect(axesOf(grid)).toMatchObject({ x: 1, series: [], compared: 1 });
  });
});

describe("aggregate.csv", () => {
  it("one row per point and metric, 6 decimals, empty cells for no value", async () => {
    const grid = buildGrid([{ path: "detector.timeout", values: ["1s", "2s"] }], [1, 2, 3, 4, 5]);
    const rows = rowsOf(grid, { 0: ["1", "2", "3", "4", "10"], 1: [null, "5", null, null, null] });
    const csv = await aggregateCsv(grid, aggregate(grid, rows));
    const lines = csv.split("\n");
    expect(lines[0]).toBe(
      "detector.timeout,metric,n,mean,sd,ci95_low,ci95_high,p50,p95,min,max,pareto,p99",
    );
    expect(lines).toHaveLength(1 + 2 * metricColumns.length + 1);
    expect(lines).toContain(
      // p99: h = 4 · 0.99 = 3.96 → 4 + 0.96 · (10 − 4) = 9.76, appended after pareto
      "1s,downtime_s,5,4.000000,3.535534,-0.389945,8.389945,3.000000,8.800000,1.000000,10.000000,true,9.760000",
    );
    expect(lines).toContain(
      "2s,downtime_s,1,5.000000,,,,5.000000,5.000000,5.000000,5.000000,false,5.000000",
    );
    // 1s has less downtime than 2s and the same false failovers and lost writes (none): 1s alone is optimal.
    expect(lines).toContain(
      "1s,failovers,5,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,true,0.000000",
    );
  });
});
