// The grid of a sweep: every combination of the varied values (a "point"), times every seed.
// Points are numbered in the order of the --vary flags, the first path changing slowest
// (like nested loops, first flag outermost); seeds are sorted ascending. A job — one run — is
// (point, seed) and its number is point × seeds + seed position, which is also the order of
// rows in runs.csv, whatever the worker count or scheduling. Limits keep a typo such as
// `1ms..1h/1ms` from starting a billion runs.
import { SweepError } from "./sweep-error.ts";
import type { Vary } from "./vary.ts";

export const maxPoints = 10_000;
export const maxRuns = 1_000_000;
export const maxSeedCount = 100_000;

export interface Grid {
  varies: readonly Vary[];
  /** Value index per varied path, for each point in point order. */
  points: readonly (readonly number[])[];
  seeds: readonly number[];
}

export interface Job {
  /** Position in the full grid × seeds order. */
  index: number;
  point: number;
  seed: number;
}

export function buildGrid(varies: readonly Vary[], seeds: readonly number[]): Grid {
  const pointCount = varies.reduce((count, vary) => count * vary.values.length, 1);
  if (pointCount > maxPoints) {
    throw new SweepError(
      `The --vary flags make ${pointCount} parameter points; at most ${maxPoints} are allowed. Use fewer values or larger steps.`,
    );
  }
  if (pointCount * seeds.length > maxRuns) {
    throw new SweepError(
      `The sweep would make ${pointCount * seeds.length} runs (${pointCount} points × ${seeds.length} seeds); at most ${maxRuns} are allowed.`,
    );
  }
  let points: number[][] = [[]];
  for (const vary of varies)
    points = points.flatMap((prefix) => vary.values.map((_, i) => [...prefix, i]));
  return { varies, points, seeds };
}

export function jobCount(grid: Grid): number {
  return grid.points.length * grid.seeds.length;
}

export function jobAt(grid: Grid, index: number): Job {
  const seedCount = grid.seeds.length;
  return { index, point: Math.floor(index / seedCount), seed: grid.seeds[index % seedCount] };
}

/** The job number of (point, seed), or undefined when the seed is not one of the sweep's. */
export function jobIndexOf(grid: Grid, point: number, seed: number): number | undefined {
  const position = grid.seeds.indexOf(seed);
  return position < 0 || point < 0 || point >= grid.points.length
    ? undefined
    : point * grid.seeds.length + position;
}

/** The value texts of a point, one per varied path. */
export function pointValues(grid: Grid, point: number): string[] {
  return grid.points[point].map((valueIndex, i) => grid.varies[i].values[valueIndex]);
}

/** The `path=value` overrides of a point, in --vary order. */
export function pointOverrides(grid: Grid, point: number): string[] {
  return pointValues(grid, point).map((value, i) => `${grid.varies[i].path}=${value}`);
}

/** Seeds 1..count, as `--seeds N` asks. */
export function seedRange(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** `--seeds N`: a whole number from 1 to maxSeedCount. */
export function parseSeedCount(text: string): number {
  const count = Number(text);
  if (!/^\d+$/.test(text.trim()) || count < 1 || count > maxSeedCount) {
    throw new SweepError(
      `--seeds expects a whole number of seeds from 1 to ${maxSeedCount}, got ${JSON.stringify(text)}.`,
    );
  }
  return count;
}

/** `--seed-list 3,5,8`: distinct whole numbers, sorted ascending. */
export function parseSeedList(text: string): number[] {
  const seeds = text.split(",").map((part) => part.trim());
  const bad = seeds.find((seed) => !/^\d+$/.test(seed) || !Number.isSafeInteger(Number(seed)));
  if (bad !== undefined) {
    throw new SweepError(
      `--seed-list expects whole numbers from 0 to 2^53 - 1 separated by commas, like 1,2,7; got ${JSON.stringify(bad)} in ${JSON.stringify(text)}.`,
    );
  }
  const numbers = seeds.map(Number);
  const duplicate = numbers.find((seed, i) => numbers.indexOf(seed) !== i);
  if (duplicate !== undefined)
    throw new SweepError(`--seed-list names seed ${duplicate} twice; give each seed once.`);
  if (numbers.length > maxSeedCount)
    throw new SweepError(
      `--seed-list has ${numbers.length} seeds; at most ${maxSeedCount} are allowed.`,
    );
  return numbers.sort((a, b) => a - b);
}
