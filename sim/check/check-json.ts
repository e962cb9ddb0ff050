// `sim check --json`: the whole check as exactly one JSON object — whether everything passed,
// the seeds asked for (null: each scenario's own), the tallies, and per scenario its file,
// name, seeds, status and every expectation's verdict (with the seeds that failed it).
import type { ScenarioCheck } from "./check-scenario.ts";
import { countChecks } from "./counts.ts";

export function checkJson(
  checks: readonly ScenarioCheck[],
  seeds: readonly number[] | null,
): string {
  const counts = countChecks(checks);
  const object = {
    passed: counts.failed === 0,
    seeds: seeds === null ? null : [...seeds],
    counts: {
      scenarios: counts.scenarios,
      without_expectations: counts.withoutExpectations,
      expectations: counts.expectations,
      failed: counts.failed,
      runs: counts.runs,
    },
    scenarios: checks.map((check) => ({
      file: check.file,
      scenario: check.name,
      seeds: check.seeds,
      status: check.status,
      expectations: check.verdicts.map((verdict) => ({
        expectation: verdict.expectation,
        observed: verdict.observed,
        passed: verdict.passed,
        message: verdict.message,
        failing_seeds: verdict.failingSeeds,
      })),
    })),
  };
  return `${JSON.stringify(object)}\n`;
}
