// The statistics of a sweep, over the seeds of one parameter point (or over per-seed differences
// in a paired comparison). Definitions, also in docs/sweeps.md:
// - empty values (a metric with no value in a run, e.g. detection_s without a detected fault)
//   are left out; n counts the rest;
// - mean: the arithmetic mean, summed in seed order (so the last bit never depends on scheduling);
// - sd: the sample standard deviation (n − 1 in the denominator); none for n < 2;
// - 95% CI of the mean: mean ± t(0.975, n − 1) · sd / √n, Student's t (student-t.ts); none for n < 2;
// - quantiles p50, p95 and p99: linear interpolation between order statistics (Hyndman & Fan type 7,
//   numpy's default, Excel's PERCENTILE.INC): with x sorted ascending, h = (n − 1)·p,
//   q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]);
// - min and max.

import { studentTQuantile } from "./student-t.ts";

export const confidenceLevel = 0.95;

export interface Statistics {
  n: number;
  mean: number | null;
  sd: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  p50: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
  p99: number | null;
}

export function describe(values: readonly (number | null)[]): Statistics {
  const present = values.filter((value): value is number => value !== null);
  const n = present.length;
  if (n === 0)
    return {
      n,
      mean: null,
      sd: null,
      ciLow: null,
      ciHigh: null,
      p50: null,
      p95: null,
      min: null,
      max: null,
      p99: null,
    };
  const sorted = [...present].sort((a, b) => a - b);
  const { mean, sd, halfWidth } = meanInterval(present);
  return {
    n,
    mean,
    sd,
    ciLow: halfWidth === null ? null : mean - halfWidth,
    ciHigh: halfWidth === null ? null : mean + halfWidth,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    min: sorted[0],
    max: sorted[n - 1],
    p99: quantile(sorted, 0.99),
  };
}

/** Mean, sample sd and the half-width of the 95% t-interval (null below two values). */
export function meanInterval(values: readonly number[]): {
  mean: number;
  sd: number | null;
  halfWidth: number | null;
} {
  const n = values.length;
  if (n === 0) throw new Error("meanInterval of no values");
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / n;
  if (n < 2) return { mean, sd: null, halfWidth: null };
  let squares = 0;
  for (const value of values) squares += (value - mean) * (value - mean);
  const sd = Math.sqrt(squares / (n - 1));
  const halfWidth = (studentTQuantile(1 - (1 - confidenceLevel) / 2, n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, halfWidth };
}

/** Type-7 quantile of values sorted ascending (see the header). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("quantile of no values");
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
}
