// Paired comparison: each value of the compared path (axes.ts) against its first value, the
// baseline, on the same seeds, for every combination of the other varied paths. The same seed
// gives both runs the same write arrivals and network draws, so the per-seed difference
// d = metric(value) − metric(baseline) removes most of the noise two separate means would keep;
// the answer is the mean difference and its 95% t-interval (statistics.ts), over the seeds where
// both runs have a value. paired.csv columns: the other varied paths, the compared path (holding
// the value compared), `baseline`, `metric`, n, mean_diff, sd_diff, ci95_low, ci95_high.
import { toCsv } from "../report/index.ts";
import { metricColumns, type MetricColumn } from "../scenario/index.ts";
import { formatStatistic } from "./aggregate.ts";
import { axesOf } from "./axes.ts";
import { pointValues, type Grid } from "./grid.ts";
import { cellValue, type SweepRow } from "./runs-table.ts";
import { meanInterval } from "./statistics.ts";

export interface PairedComparison {
  /** The compared point and its baseline point (same values on every other path). */
  point: number;
  baselinePoint: number;
  metric: MetricColumn;
  n: number;
  meanDiff: number | null;
  sdDiff: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export function pairedComparisons(grid: Grid, rows: readonly SweepRow[]): PairedComparison[] {
  const compared = axesOf(grid).compared;
  if (compared === undefined) return [];
  const cellsOf = new Map(rows.map((row) => [row.job, row.cells]));
  // Points number the first path slowest, so a value step on path k moves the point by `stride`.
  const stride = grid.varies
    .slice(compared + 1)
    .reduce((product, vary) => product * vary.values.length, 1);
  const seedCount = grid.seeds.length;
  const result: PairedComparison[] = [];
  for (let baselinePoint = 0; baselinePoint < grid.points.length; baselinePoint++) {
    if (grid.points[baselinePoint][compared] !== 0) continue;
    for (let value = 1; value < grid.varies[compared].values.length; value++) {
      const point = baselinePoint + value * stride;
      metricColumns.forEach((metric, m) => {
        const diffs: number[] = [];
        for (let s = 0; s < seedCount; s++) {
          const base = cellsOf.get(baselinePoint * seedCount + s);
          const other = cellsOf.get(point * seedCount + s);
          const a = base ? cellValue(base[m]) : null;
          const b = other ? cellValue(other[m]) : null;
          if (a !== null && b !== null) diffs.push(b - a);
        }
        result.push(comparison(point, baselinePoint, metric, diffs));
      });
    }
  }
  return result;
}

function comparison(
  point: number,
  baselinePoint: number,
  metric: MetricColumn,
  diffs: number[],
): PairedComparison {
  if (diffs.length === 0)
    return {
      point,
      baselinePoint,
      metric,
      n: 0,
      meanDiff: null,
      sdDiff: null,
      ciLow: null,
      ciHigh: null,
    };
  const { mean, sd, halfWidth } = meanInterval(diffs);
  return {
    point,
    baselinePoint,
    metric,
    n: diffs.length,
    meanDiff: mean,
    sdDiff: sd,
    ciLow: halfWidth === null ? null : mean - halfWidth,
    ciHigh: halfWidth === null ? null : mean + halfWidth,
  };
}

export function pairedHeader(grid: Grid): string[] {
  const compared = axesOf(grid).compared;
  const others = grid.varies.filter((_, i) => i !== compared).map((vary) => vary.path);
  const comparedColumns = compared === undefined ? [] : [grid.varies[compared].path, "baseline"];
  return [
    ...others,
    ...comparedColumns,
    "metric",
    "n",
    "mean_diff",
    "sd_diff",
    "ci95_low",
    "ci95_high",
  ];
}

export function pairedCsv(grid: Grid, comparisons: readonly PairedComparison[]): Promise<string> {
  const compared = axesOf(grid).compared;
  return toCsv(
    pairedHeader(grid),
    comparisons.map((c) => {
      const values = pointValues(grid, c.point);
      const others = values.filter((_, i) => i !== compared);
      const baseline = pointValues(grid, c.baselinePoint)[compared!];
      return [
        ...others,
        values[compared!],
        baseline,
        c.metric,
        String(c.n),
        ...[c.meanDiff, c.sdDiff, c.ciLow, c.ciHigh].map(formatStatistic),
      ];
    }),
  );
}
