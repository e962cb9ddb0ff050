// The tallies a check run ends with — scenarios, those without expectations, expectations judged,
// how many failed — shared by the printed table, the JSON object and the JUnit file.
import type { ScenarioCheck } from "./check-scenario.ts";

export interface CheckCounts {
  scenarios: number;
  withoutExpectations: number;
  expectations: number;
  failed: number;
  /** Runs done: one per scenario with expectations and seed. */
  runs: number;
}

export function countChecks(checks: readonly ScenarioCheck[]): CheckCounts {
  let expectations = 0;
  let failed = 0;
  let runs = 0;
  for (const check of checks) {
    expectations += check.verdicts.length;
    failed += check.verdicts.filter((verdict) => !verdict.passed).length;
    runs += check.seeds.length;
  }
  const withoutExpectations = checks.filter((check) => check.status === "no expectations").length;
  return { scenarios: checks.length, withoutExpectations, expectations, failed, runs };
}

/** What the seeds were, in words: "seeds 1..10", "seed 7", or each scenario's own. */
export function seedsText(seeds: readonly number[] | null): string {
  if (seeds === null) return "each scenario's own seed";
  if (seeds.length === 1) return `seed ${seeds[0]}`;
  const consecutive = seeds.every((seed, i) => i === 0 || seed === seeds[i - 1] + 1);
  return consecutive
    ? `seeds ${seeds[0]}..${seeds[seeds.length - 1]}`
    : `seeds ${seeds.join(", ")}`;
}
