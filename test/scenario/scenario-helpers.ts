// Shared by the scenario tests: a small valid scenario to vary, and a way to catch the
// ScenarioError a bad one produces.
import { expect } from "vitest";
import { ScenarioError, type Scenario } from "../../sim/scenario/index.ts";

export const file = "scenarios/test.ts";

/** A fresh minimal valid scenario: db1 (east) primary, db2 (west) standby, mon (west), one client group. */
export function baseScenario(): Scenario {
  return {
    name: "base",
    summary: "A minimal scenario for tests.",
    duration: "10m",
    nodes: {
      db1: { role: "primary", zone: "east" },
      db2: { role: "standby", zone: "west" },
      mon: { role: "monitor", zone: "west" },
    },
    clients: { writes: "200/s" },
  };
}

/** The ScenarioError thrown by `run`; fails the test if it throws nothing or something else. */
export function scenarioErrorOf(run: () => unknown): ScenarioError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error("expected a ScenarioError, but nothing was thrown");
}

/** Asserts one problem, one clear line: file, field and expectation all present. */
export function expectMessage(error: ScenarioError, field: string, ...fragments: string[]): void {
  expect(error.message).not.toContain("\n");
  expectFirstProblem(error, field, ...fragments);
}

/** Asserts the first of the problems is one clear line naming file, field and expectation. */
export function expectFirstProblem(
  error: ScenarioError,
  field: string,
  ...fragments: string[]
): void {
  const first = error.message.split("\n")[0];
  expect(error.file).toBe(file);
  expect(error.field).toBe(field);
  expect(first.startsWith(`${file}: ${field}: expected `)).toBe(true);
  for (const fragment of fragments) expect(first).toContain(fragment);
}

/** Asserts the error holds exactly these problems, by field, each one line. */
export function expectProblems(error: ScenarioError, fields: readonly string[]): void {
  expect(error.problems.map((problem) => problem.field)).toEqual(fields);
  expect(error.message.split("\n")).toHaveLength(fields.length);
}
