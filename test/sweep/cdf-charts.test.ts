// The timing metrics' CDF charts of a sweep, against data worked out by hand: the empirical CDF's
// corners, the quantiles the chart names (the aggregate's type 7), a line per point or one pooled
// line, no chart for a metric without values, and each spec rendering without a warning.
import { describe, expect, it } from "vitest";
import { renderChart } from "../../sim/report/charts/render.ts";
import { metricColumns } from "../../sim/scenario/index.ts";
import { cdfCharts, cdfPoints, maxCdfLines, quantileSummary } from "../../sim/sweep/cdf-charts.ts";
import { buildGrid, jobIndexOf, type Grid } from "../../sim/sweep/grid.ts";
import type { SweepRow } from "../../sim/sweep/runs-table.ts";

const detection = metricColumns.indexOf("detection_s");
const downtime = metricColumns.indexOf("downtime_s");

/** Rows whose detection_s cells are given per point (null: no value); downtime 1 s, rto_s empty. */
function rowsOf(grid: Grid, values: Record<number, (number | null)[]>): SweepRow[] {
  return Object.entries(values).flatMap(([point, cells]) =>
    cells.map((value, s) => {
      const row: string[] = metricColumns.map((column) => (column === "rto_s" ? "" : "0"));
      row[detection] = value === null ? "" : value.toFixed(6);
      row[downtime] = "1.000000";
      return { job: jobIndexOf(grid, Number(point), grid.seeds[s])!, cells: row };
    }),
  );
}

interface Layer {
  data: { values: { x: number; share: number; series?: string }[] };
}
interface Spec {
  title: { subtitle: string };
  layer: Layer[];
}

describe("the empirical CDF", () => {
  it("steps up by 1/n at each value, from 0 at the smallest", () => {
    expect(cdfPoints([1, 2, 4])).toEqual([
      { x: 1, share: 0 },
      { x: 1, share: 1 / 3 },
      { x: 2, share: 2 / 3 },
      { x: 4, share: 1 },
    ]);
  });

  it("names p50, p95 and p99 as aggregate.csv computes them (type 7)", () => {
    // sorted 1, 2, 3, 4: p50 h = 1.5 → 2.5; p95 h = 2.85 → 3.85; p99 h = 2.97 → 3.97
    expect(quantileSummary([1, 2, 3, 4])).toBe("p50 2.500000 s · p95 3.850000 s · p99 3.970000 s");
  });
});

describe("a sweep's CDF charts", () => {
  const seeds = [1, 2, 3, 4, 5];

  it("one chart per timing metric with a value, none for a metric without", () => {
    const grid = buildGrid([], seeds);
    const charts = cdfCharts(grid, rowsOf(grid, { 0: [3, 1, null, 2, 4] }));
    expect(charts.map((chart) => chart.name)).toEqual(["detection_s-cdf", "downtime_s-cdf"]);
    const spec = charts[0].spec as Spec;
    // The seed without a value is left out: four runs, corners at 1, 2, 3, 4.
    expect(spec.layer[0].data.values.map(({ x, share }) => [x, share])).toEqual([
      [1, 0],
      [1, 0.25],
      [2, 0.5],
      [3, 0.75],
      [4, 1],
    ]);
    expect(spec.title.subtitle).toContain("4 runs over 5 seeds");
    expect(spec.title.subtitle).toContain("p50 2.500000 s · p95 3.850000 s · p99 3.970000 s");
    // The dashed rules stand at the same three quantiles.
    const rules = spec.layer[1].data.values.map(({ x }) => x);
    [2.5, 3.85, 3.97].forEach((expected, i) => expect(rules[i]).toBeCloseTo(expected, 12));
  });

  it("a line per point, without quantile rules, up to maxCdfLines points", () => {
    const grid = buildGrid([{ path: "detector.timeout", values: ["1s", "2s"] }], seeds);
    const charts = cdfCharts(grid, rowsOf(grid, { 0: [1, 2, 3, 4, 5], 1: [6, 7, 8, 9, 10] }));
    const spec = charts[0].spec as Spec;
    expect(spec.layer).toHaveLength(1);
    const series = new Set(spec.layer[0].data.values.map((datum) => datum.series));
    expect([...series]).toEqual(["detector.timeout=1s", "detector.timeout=2s"]);
  });

  it("more points than maxCdfLines pool every run into one line", () => {
    const values = Array.from({ length: maxCdfLines + 1 }, (_, i) => `${i + 1}s`);
    const grid = buildGrid([{ path: "faults[0].at", values }], [1]);
    const perPoint = Object.fromEntries(values.map((_, i) => [i, [i + 1]]));
    const spec = cdfCharts(grid, rowsOf(grid, perPoint))[0].spec as Spec;
    expect(new Set(spec.layer[0].data.values.map((datum) => datum.series)).size).toBe(1);
    expect(spec.layer[0].data.values).toHaveLength(maxCdfLines + 2);
    expect(spec.title.subtitle).toContain(`${maxCdfLines + 1} points × 1 seeds pooled`);
  });

  it("renders without a warning", async () => {
    const grid = buildGrid([], seeds);
    for (const chart of cdfCharts(grid, rowsOf(grid, { 0: [3, 1, 2, 5, 4] }))) {
      const { svg, warnings } = await renderChart(chart.spec);
      expect(warnings).toEqual([]);
      expect(svg).toContain("<svg");
    }
  });
});
