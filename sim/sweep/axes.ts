// Which varied path plays which part in the charts and in the paired comparison. Only paths
// with two or more values vary; a path given one value is a fixed setting.
// - x: the first varying path whose values are all numbers or all durations (plotted as a
//   quantitative axis, durations in seconds); without one, the first varying path, as categories.
// - series: the other varying paths; each combination of their values is one line.
// - compared (paired comparison): the one varying path when there is one; otherwise the last
//   varying path that is not x — the "policy" of a timeout × policy sweep. Its first value is
//   the baseline the others are compared with, on the same seeds.
import { readDuration } from "../dsl/duration.ts";
import type { Grid } from "./grid.ts";

export interface Axes {
  /** Index into grid.varies; undefined when no path varies. */
  x: number | undefined;
  /** How to read x values as numbers (seconds for durations); undefined for categories. */
  xNumbers: number[] | undefined;
  xUnit: "s" | "" | undefined;
  series: number[];
  compared: number | undefined;
}

export function axesOf(grid: Grid): Axes {
  const varying = grid.varies.flatMap((vary, i) => (vary.values.length >= 2 ? [i] : []));
  const numeric = varying.map((i) => numbersOf(grid.varies[i].values));
  const numericAt = numeric.findIndex((reading) => reading !== undefined);
  const xPosition = numericAt >= 0 ? numericAt : varying.length > 0 ? 0 : -1;
  const x = xPosition >= 0 ? varying[xPosition] : undefined;
  const others = varying.filter((i) => i !== x);
  const compared = varying.length === 1 ? varying[0] : others[others.length - 1];
  const reading = xPosition >= 0 ? numeric[xPosition] : undefined;
  return { x, xNumbers: reading?.numbers, xUnit: reading?.unit, series: others, compared };
}

/** All durations → seconds; all plain numbers → numbers; anything else → undefined. */
export function numbersOf(
  values: readonly string[],
): { numbers: number[]; unit: "s" | "" } | undefined {
  const durations = values.map(readDuration);
  if (durations.every((reading) => reading.ok))
    return { numbers: durations.map((reading) => (reading.ok ? reading.us / 1e6 : 0)), unit: "s" };
  if (values.every((value) => /^-?(\d+\.?\d*|\.\d+)$/.test(value)))
    return { numbers: values.map(Number), unit: "" };
  return undefined;
}
