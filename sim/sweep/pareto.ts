// Which settings of a sweep are worth choosing. A setting (a parameter point of the grid) is
// judged by its mean over the seeds of three metrics, each to be minimised: downtime_s,
// false_failovers and lost_writes (the headline metrics). A setting is Pareto-optimal when no
// other setting is at least as good on all three and strictly better on one. Ties: settings with
// equal means on all three are each optimal (neither dominates the other). A setting missing a
// mean (no seed gave a value) is never optimal and dominates nothing. The means are those of
// aggregate.csv (computed from runs.csv), so a merged sweep finds the same settings.
// For each metric, the best setting is the one with the lowest mean; on a tie, the lowest means
// of the other two metrics in the order above decide, then grid order. The sentence "which
// setting is best for which priority" names them.
import type { MetricColumn } from "../scenario/index.ts";
import { spokenSeconds } from "../dsl/spoken.ts";
import { pointValues, type Grid } from "./grid.ts";

export const paretoMetrics = [
  "downtime_s",
  "false_failovers",
  "lost_writes",
] as const satisfies readonly MetricColumn[];

export type ParetoMetric = (typeof paretoMetrics)[number];

/** What this file reads of aggregate.ts's rows (which import this file for the pareto column). */
export interface PointMean {
  point: number;
  metric: MetricColumn;
  statistics: { mean: number | null };
}

/** A setting's means on the Pareto metrics; null where no seed gave a value. */
export interface SettingMeans {
  point: number;
  means: Record<ParetoMetric, number | null>;
}

export function settingMeans(stats: readonly PointMean[]): SettingMeans[] {
  const byPoint = new Map<number, SettingMeans>();
  for (const row of stats) {
    if (!(paretoMetrics as readonly string[]).includes(row.metric)) continue;
    let entry = byPoint.get(row.point);
    if (!entry) {
      entry = {
        point: row.point,
        means: { downtime_s: null, false_failovers: null, lost_writes: null },
      };
      byPoint.set(row.point, entry);
    }
    entry.means[row.metric as ParetoMetric] = row.statistics.mean;
  }
  return [...byPoint.values()].sort((a, b) => a.point - b.point);
}

/** Whether `a` dominates `b`: no worse on every metric, better on one; both complete. */
function dominates(a: SettingMeans, b: SettingMeans): boolean {
  let better = false;
  for (const metric of paretoMetrics) {
    const [x, y] = [a.means[metric], b.means[metric]];
    if (x === null || y === null || x > y) return false;
    if (x < y) better = true;
  }
  return better;
}

/** The Pareto-optimal points, ascending. */
export function paretoPoints(settings: readonly SettingMeans[]): Set<number> {
  const complete = settings.filter((s) => paretoMetrics.every((m) => s.means[m] !== null));
  return new Set(
    complete
      .filter((candidate) => !complete.some((other) => dominates(other, candidate)))
      .map((s) => s.point),
  );
}

/** A setting as text: "detector.timeout=3s, replication.mode=sync" (the varied paths only). */
export function settingText(grid: Grid, point: number): string {
  const values = pointValues(grid, point);
  return grid.varies
    .map((vary, i) => (vary.values.length >= 2 ? `${vary.path}=${values[i]}` : ""))
    .filter(Boolean)
    .join(", ");
}

const priorities: Record<ParetoMetric, string> = {
  downtime_s: "the least downtime",
  false_failovers: "the fewest false failovers",
  lost_writes: "the fewest lost writes",
};

/** One sentence: for each priority the best setting and its mean, then how many are optimal. */
export function bestSettingSentence(grid: Grid, stats: readonly PointMean[]): string | null {
  const settings = settingMeans(stats);
  if (settings.length < 2) return null;
  const parts = paretoMetrics.flatMap((metric) => {
    const order = [metric, ...paretoMetrics.filter((other) => other !== metric)];
    const ranked = settings.filter((s) => order.every((m) => s.means[m] !== null));
    if (ranked.length === 0) return [];
    const better = (a: SettingMeans, b: SettingMeans) => {
      for (const m of order) if (a.means[m] !== b.means[m]) return a.means[m]! < b.means[m]!;
      return false;
    };
    const best = ranked.reduce((a, b) => (better(b, a) ? b : a));
    const mean = best.means[metric]!;
    const shown = metric === "downtime_s" ? spokenSeconds(mean) : `${Number(mean.toFixed(2))}`;
    return [`for ${priorities[metric]} choose ${settingText(grid, best.point)} (mean ${shown})`];
  });
  const optimal = paretoPoints(settings).size;
  return (
    `${capitalize(parts.join("; "))}; ${optimal} of ${settings.length} settings are Pareto-optimal ` +
    "(no other setting has no more downtime, false failovers and lost writes, and less of one)."
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
