// Which settings a sweep recommends (pareto.ts) and the charts that show them: Pareto optimality
// on hand-made means (minimise downtime, false failovers and lost writes; ties are all optimal;
// a missing mean is never optimal), the `pareto` column of aggregate.csv, the sentence naming the
// best setting per priority, and the charts drawn for 1, 2 and 3 varied paths — each keeps its
// series legend (every series named) and rings and names the Pareto-optimal settings.
import { describe, expect, it } from "vitest";
import { renderSvg } from "../../sim/report/charts/render.ts";
import { metricColumns } from "../../sim/scenario/index.ts";
import { aggregate, aggregateCsv } from "../../sim/sweep/aggregate.ts";
import { buildGrid, jobIndexOf, type Grid } from "../../sim/sweep/grid.ts";
import { bestSettingSentence, paretoPoints, type SettingMeans } from "../../sim/sweep/pareto.ts";
import type { SweepRow } from "../../sim/sweep/runs-table.ts";
import { tradeoffCharts } from "../../sim/sweep/tradeoff-charts.ts";

const setting = (point: number, d: number | null, f: number | null, l: number | null) =>
  ({ point, means: { downtime_s: d, false_failovers: f, lost_writes: l } }) as SettingMeans;

describe("Pareto-optimal settings", () => {
  it("are those no other setting beats on one metric without losing on another", () => {
    const settings = [
      setting(0, 10, 0, 5), // optimal: fewest false failovers
      setting(1, 2, 3, 5), // optimal: least downtime
      setting(2, 10, 1, 5), // dominated by 0
      setting(3, 5, 1, 0), // optimal: fewest lost writes
      setting(4, 5, 1, 0), // a tie with 3: optimal too
      setting(5, null, 0, 0), // no downtime mean: never optimal
    ];
    expect([...paretoPoints(settings)].sort()).toEqual([0, 1, 3, 4]);
  });
});

/** Rows for a grid where each metric of a point is `value(point, metric)` on every seed. */
function rowsOf(grid: Grid, value: (point: number, metric: string) => number): SweepRow[] {
  return grid.points.flatMap((_, point) =>
    grid.seeds.map((seed) => ({
      job: jobIndexOf(grid, point, seed)!,
      cells: metricColumns.map((metric) => value(point, metric).toFixed(6)),
    })),
  );
}

/** A timeout sweep: longer timeouts cut false failovers and lost writes but add downtime. */
function sweep(varies: { path: string; values: string[] }[]) {
  const grid = buildGrid(varies, [1, 2]);
  const rows = rowsOf(grid, (point, metric) => {
    const timeout = grid.points[point][0] + 1;
    const other = grid.points[point].slice(1).reduce((a, b) => a + b, 0);
    if (metric === "downtime_s") return timeout * 2 + other;
    if (metric === "false_failovers") return Math.max(0, 3 - timeout);
    if (metric === "lost_writes") return Math.max(0, 3 - timeout) * 10 + other;
    return 0;
  });
  return { grid, stats: aggregate(grid, rows) };
}

const timeouts = { path: "detector.timeout", values: ["1s", "2s", "3s"] };
const modes = { path: "replication.mode", values: ["async", "sync"] };
const fencing = { path: "failover.fencing", values: ["none", "epoch"] };

describe("the pareto column and the sentence", () => {
  it("marks every row of an optimal setting in aggregate.csv", async () => {
    const { grid, stats } = sweep([timeouts, modes]);
    const lines = (await aggregateCsv(grid, stats)).trim().split("\n");
    // pareto after max; p99, added later, after it.
    expect(lines[0].endsWith(",max,pareto,p99")).toBe(true);
    const column = lines[0].split(",").indexOf("pareto");
    const downtime = lines.filter((line) => line.includes(",downtime_s,"));
    // Each timeout trades downtime for false failovers; sync adds 1 to downtime and lost writes.
    expect(downtime.map((line) => line.split(",")[column])).toEqual([
      "true",
      "false",
      "true",
      "false",
      "true",
      "false",
    ]);
  });

  it("names the best setting for each priority in one sentence", () => {
    const { grid, stats } = sweep([timeouts, modes]);
    expect(bestSettingSentence(grid, stats)).toBe(
      "For the least downtime choose detector.timeout=1s, replication.mode=async (mean 2 s); " +
        "for the fewest false failovers choose detector.timeout=3s, replication.mode=async (mean 0); " +
        "for the fewest lost writes choose detector.timeout=3s, replication.mode=async (mean 0); " +
        "3 of 6 settings are Pareto-optimal (no other setting has no more downtime, false failovers and lost writes, and less of one).",
    );
  });
});

describe("sweep charts keep their legends", () => {
  for (const varies of [[timeouts], [timeouts, modes], [timeouts, modes, fencing]]) {
    it(`with ${varies.length} varied path${varies.length === 1 ? "" : "s"}`, async () => {
      const { grid, stats } = sweep(varies);
      const charts = tradeoffCharts(grid, stats);
      expect(charts.map((chart) => chart.name)).toEqual([
        "tradeoff",
        "pareto",
        "downtime_s",
        "false_failovers",
        "lost_writes",
        "failovers",
      ]);
      for (const chart of charts.filter((chart) => chart.name !== "pareto")) {
        const { svg, warnings } = await renderSvg(chart.spec);
        expect(warnings, chart.name).toEqual([]);
        const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
        if (chart.name !== "failovers")
          expect(texts, chart.name).toContain("Pareto-optimal setting");
        if (varies.length === 1) continue;
        const series = grid.points
          .filter((point) => point[0] === 0)
          .map((point) =>
            varies
              .slice(1)
              .map((vary, i) =>
                varies.length > 2
                  ? `${vary.path}=${vary.values[point[i + 1]]}`
                  : vary.values[point[i + 1]],
              )
              .join(", "),
          );
        for (const name of series) expect(texts, `${chart.name}: ${name}`).toContain(name);
      }
    });
  }
});
