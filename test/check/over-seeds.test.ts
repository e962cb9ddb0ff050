// Expectations judged over several seeds: every seed must meet a plain bound and pass a check;
// a bound with `quantile` needs only the nearest-rank quantile within it. Outcomes are built from
// metric values chosen by hand, so each verdict below can be checked with pencil and paper.
import { describe, expect, it } from "vitest";
import { judgeOverSeeds, type SeedOutcomes } from "../../sim/check/over-seeds.ts";
import { metricOutcome, type ExpectationOutcome } from "../../sim/run/expectations.ts";
import type { Expectation, MetricExpectation } from "../../sim/scenario/expectation.ts";
import { metricColumns, type MetricValues } from "../../sim/scenario/metric-names.ts";

function values(overrides: Partial<MetricValues>): MetricValues {
  const base = Object.fromEntries(metricColumns.map((column) => [column, 0])) as MetricValues;
  return { ...base, ...overrides };
}

/** Runs of seeds 1..n whose metric takes the given values, judged against `expectation`. */
function judge(expectation: MetricExpectation, metricValues: (number | null)[]) {
  const runs: SeedOutcomes[] = metricValues.map((value, i) => ({
    seed: i + 1,
    outcomes: [metricOutcome(expectation, values({ [expectation.metric]: value }))],
  }));
  return judgeOverSeeds([expectation], runs)[0];
}

// downtime_s in seeds 1..5: 3, 12, 5, 40, 8 s. Sorted: 3 (seed 1), 5 (3), 8 (5), 12 (2), 40 (4).
const downtimes = [3, 12, 5, 40, 8];

describe("a bound without a quantile holds in every seed", () => {
  it("fails when one seed breaks it, naming the seed", () => {
    const verdict = judge({ metric: "downtime_s", max: 30 }, downtimes);
    expect(verdict).toEqual({
      expectation: "downtime_s ≤ 30",
      observed: "3.000000 … 40.000000",
      passed: false,
      message: "seed 4: expected downtime_s ≤ 30, got 40.000000 (1 of 5 seeds fail: 4)",
      failingSeeds: [4],
    });
  });

  it("passes when all do", () => {
    const verdict = judge({ metric: "downtime_s", max: 40 }, downtimes);
    expect([verdict.passed, verdict.message, verdict.failingSeeds]).toEqual([true, "", []]);
  });

  it("shows one value when every seed saw the same", () => {
    expect(judge({ metric: "failovers", equals: 1 }, [1, 1, 1]).observed).toBe("1");
  });

  it("a seed without a value fails it", () => {
    const verdict = judge({ metric: "detection_s", max: 5 }, [2, null, 3]);
    expect(verdict.passed).toBe(false);
    expect(verdict.observed).toBe("2.000000 … 3.000000; no value in 1 of 3 seeds");
    expect(verdict.message).toBe(
      "seed 2: expected detection_s ≤ 5, got no value in this run (1 of 3 seeds fail: 2)",
    );
  });
});

describe("a bound with a quantile holds for the nearest-rank quantile over the seeds", () => {
  it("p80 of five seeds is the 4th smallest: 12 s (seed 2) ≤ 30 passes though seed 4 is beyond", () => {
    const verdict = judge({ metric: "downtime_s", max: 30, quantile: 0.8 }, downtimes);
    expect(verdict).toEqual({
      expectation: "p80 of downtime_s ≤ 30",
      observed: "12.000000 (seed 2, rank 4 of 5)",
      passed: true,
      message: "",
      failingSeeds: [4],
    });
  });

  it("p90 of five seeds is rank ⌈4.5⌉ = 5, the maximum: 40 s fails", () => {
    const verdict = judge({ metric: "downtime_s", max: 30, quantile: 0.9 }, downtimes);
    expect(verdict.passed).toBe(false);
    expect(verdict.observed).toBe("40.000000 (seed 4, rank 5 of 5)");
    expect(verdict.message).toBe(
      "expected p90 of downtime_s ≤ 30, got 40.000000 (seed 4, rank 5 of 5); 1 of 5 seeds are beyond the bound: 4",
    );
  });

  it("a lower bound reads a low quantile: p20 of failovers 1, 0, 1, 1, 1 is the smallest, 0", () => {
    expect(judge({ metric: "failovers", min: 1, quantile: 0.2 }, [1, 0, 1, 1, 1]).passed).toBe(
      false,
    ); // rank 1: 0
    expect(judge({ metric: "failovers", min: 1, quantile: 0.4 }, [1, 0, 1, 1, 1]).passed).toBe(
      true,
    ); // rank 2: 1
  });

  it("a seed without a value fails it: the quantile of values that are not there is not known", () => {
    const verdict = judge({ metric: "detection_s", max: 5, quantile: 0.5 }, [2, null, 3]);
    expect(verdict.passed).toBe(false);
    expect(verdict.observed).toBe("no value in 1 of 3 seeds");
    expect(verdict.message).toBe(
      "expected p50 of detection_s ≤ 5, but detection_s has no value in seed 2 (of 3)",
    );
  });
});

describe("checks and single runs", () => {
  const check: Expectation = { check: "db2 ends primary", predicate: () => true };
  const outcome = (passed: boolean, observed: string): ExpectationOutcome => ({
    expectation: `"db2 ends primary"`,
    observed,
    passed,
    breach: passed ? "" : `check "db2 ends primary" failed: ${observed}`,
  });

  it("a check must pass in every seed; the first failing seed explains", () => {
    const runs = [
      outcome(true, "true"),
      outcome(false, "db1 ends primary"),
      outcome(false, "nobody ends primary"),
    ].map((o, i) => ({ seed: i + 1, outcomes: [o] }));
    expect(judgeOverSeeds([check], runs)[0]).toEqual({
      expectation: `"db2 ends primary"`,
      observed: "db1 ends primary (seed 2)",
      passed: false,
      message: `seed 2: check "db2 ends primary" failed: db1 ends primary (2 of 3 seeds fail: 2, 3)`,
      failingSeeds: [2, 3],
    });
    const passing = [1, 2].map((seed) => ({ seed, outcomes: [outcome(true, "true")] }));
    expect(judgeOverSeeds([check], passing)[0].observed).toBe("true in all 2 seeds");
  });

  it("one seed gives the run's own outcome, word for word", () => {
    const expectation: MetricExpectation = { metric: "lost_writes", equals: 0 };
    const verdict = judgeOverSeeds(
      [expectation],
      [{ seed: 7, outcomes: [metricOutcome(expectation, values({ lost_writes: 12 }))] }],
    )[0];
    expect(verdict).toEqual({
      expectation: "lost_writes = 0",
      observed: "12",
      passed: false,
      message: "expected lost_writes = 0, got 12",
      failingSeeds: [7],
    });
  });
});
