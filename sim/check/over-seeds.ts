// A scenario's expectations judged over several runs of it (one per seed), from each run's
// outcomes (sim/run/expectations.ts). The rules:
// - a bound without `quantile` must hold in every seed; observed shows the range of values;
// - a bound with `quantile: q` must hold for the nearest-rank q-quantile of the values over the
//   seeds (quantile.ts); a seed where the metric has no value makes it fail (no value meets a
//   bound, and leaving it out would let a run that never detected anything pass a p95);
// - a check must pass in every seed; the message is the first failing seed's.
// One seed is the degenerate case: the run's own outcome, word for word.
import type { ExpectationOutcome } from "../run/index.ts";
import { formatMetric } from "../metrics/index.ts";
import {
  isCheck,
  meetsExpectation,
  type Expectation,
  type MetricExpectation,
} from "../scenario/index.ts";
import { nearestRank, nearestRankQuantile } from "./quantile.ts";

/** The outcomes of one seed's run, one per expectation, in the scenario's order. */
export interface SeedOutcomes {
  seed: number;
  outcomes: readonly ExpectationOutcome[];
}

/** One expectation judged over all the seeds run. */
export interface Verdict {
  /** As in the scenario: "lost_writes = 0", "p95 of downtime_s ≤ 30", "\"db2 ends primary\"". */
  expectation: string;
  /** What was seen: a value, a range of values over the seeds, or what a check returned. */
  observed: string;
  passed: boolean;
  /** Why it failed, naming the seeds; "" when it passed. */
  message: string;
  /** Seeds whose run does not meet it (for a quantile bound: those beyond the bound). */
  failingSeeds: number[];
}

export function judgeOverSeeds(
  expectations: readonly Expectation[],
  runs: readonly SeedOutcomes[],
): Verdict[] {
  if (runs.length === 0) throw new Error("judgeOverSeeds: no runs to judge");
  return expectations.map((expectation, position) => {
    const outcomes = runs.map((run) => {
      const outcome = run.outcomes[position];
      if (outcome === undefined)
        throw new Error(
          `judgeOverSeeds: seed ${run.seed} has no outcome for expectation ${position}`,
        );
      return { seed: run.seed, outcome };
    });
    if (outcomes.length === 1) return single(outcomes[0].seed, outcomes[0].outcome);
    if (isCheck(expectation)) return everySeed(outcomes, checkObserved(outcomes));
    if (expectation.quantile !== undefined) return quantileVerdict(expectation, outcomes);
    return everySeed(outcomes, rangeObserved(expectation, outcomes));
  });
}

type Seeded = { seed: number; outcome: ExpectationOutcome };

function single(seed: number, outcome: ExpectationOutcome): Verdict {
  const { expectation, observed, passed, breach } = outcome;
  return { expectation, observed, passed, message: breach, failingSeeds: passed ? [] : [seed] };
}

/** Met when every seed meets it; the message is the first failing seed's, with the count. */
function everySeed(outcomes: readonly Seeded[], observed: string): Verdict {
  const failing = outcomes.filter(({ outcome }) => !outcome.passed);
  const expectation = outcomes[0].outcome.expectation;
  if (failing.length === 0)
    return { expectation, observed, passed: true, message: "", failingSeeds: [] };
  const first = failing[0];
  const seeds = failing.map(({ seed }) => seed);
  const message = `seed ${first.seed}: ${first.outcome.breach} (${failing.length} of ${outcomes.length} seeds fail: ${seedList(seeds)})`;
  return { expectation, observed, passed: false, message, failingSeeds: seeds };
}

function quantileVerdict(expectation: MetricExpectation, outcomes: readonly Seeded[]): Verdict {
  const label = outcomes[0].outcome.expectation;
  const missing = outcomes
    .filter(({ outcome }) => outcome.value === null || outcome.value === undefined)
    .map(({ seed }) => seed);
  if (missing.length > 0) {
    const message = `expected ${label}, but ${expectation.metric} has no value in seed${missing.length === 1 ? "" : "s"} ${seedList(missing)} (of ${outcomes.length})`;
    return {
      expectation: label,
      observed: `no value in ${missing.length} of ${outcomes.length} seeds`,
      passed: false,
      message,
      failingSeeds: missing,
    };
  }
  const values = outcomes.map(({ outcome }) => outcome.value as number);
  const quantile = expectation.quantile as number;
  const { value, index } = nearestRankQuantile(values, quantile);
  const text = formatMetric(expectation.metric, value);
  const rank = nearestRank(values.length, quantile);
  const observed = `${text} (seed ${outcomes[index].seed}, rank ${rank} of ${values.length})`;
  const beyond = outcomes.filter(({ outcome }) => !outcome.passed).map(({ seed }) => seed);
  if (meetsExpectation(expectation, value))
    return { expectation: label, observed, passed: true, message: "", failingSeeds: beyond };
  const message = `expected ${label}, got ${observed}; ${beyond.length} of ${outcomes.length} seeds are beyond the bound: ${seedList(beyond)}`;
  return { expectation: label, observed, passed: false, message, failingSeeds: beyond };
}

/** "0" when every seed saw the same value; else "lowest … highest" (and the seeds without one). */
function rangeObserved(expectation: MetricExpectation, outcomes: readonly Seeded[]): string {
  const values = outcomes
    .map(({ outcome }) => outcome.value)
    .filter((value): value is number => typeof value === "number");
  const missing = outcomes.length - values.length;
  const none = missing > 0 ? `no value in ${missing} of ${outcomes.length} seeds` : "";
  if (values.length === 0) return none;
  const low = formatMetric(expectation.metric, Math.min(...values));
  const high = formatMetric(expectation.metric, Math.max(...values));
  const range = low === high ? low : `${low} … ${high}`;
  return none === "" ? range : `${range}; ${none}`;
}

function checkObserved(outcomes: readonly Seeded[]): string {
  const failing = outcomes.find(({ outcome }) => !outcome.passed);
  if (failing === undefined) return `true in all ${outcomes.length} seeds`;
  return `${failing.outcome.observed} (seed ${failing.seed})`;
}

/** "1, 2, 5", or the first ten and how many more. */
function seedList(seeds: readonly number[]): string {
  const shown = seeds.slice(0, 10).join(", ");
  return seeds.length > 10 ? `${shown} and ${seeds.length - 10} more` : shown;
}
