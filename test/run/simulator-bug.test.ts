// A failure inside a run is reported as a bug of the simulator, with the scenario, its seed and
// the one command that runs it again; an engine limit stays a limit.
import { describe, expect, it } from "vitest";
import { reportFailure } from "../../sim/cli/failure.ts";
import { SimulationLimitError } from "../../sim/engine/index.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { SimulatorBugError } from "../../sim/run/simulator-bug.ts";
import { at, crash, defineScenario } from "../../sim/scenario/index.ts";

const scenario = defineScenario({
  name: "bug-report",
  summary: "A crash.",
  duration: "30s",
  seed: 4,
  nodes: { db1: { role: "primary" }, db2: { role: "standby" }, mon: { role: "monitor" } },
  clients: { writes: "10/s" },
  faults: [at("10s", crash("db1"))],
});

function failingRun(overrides: string[] = []): SimulatorBugError {
  try {
    runScenario(scenario, {
      file: "scenarios/bug report.ts",
      overrides,
      seed: 9,
      onTrace: (event) => {
        if (event.kind === "node_down") throw new Error("a broken invariant");
      },
    });
  } catch (error) {
    if (error instanceof SimulatorBugError) return error;
    throw error;
  }
  throw new Error("the run did not fail");
}

describe("a failure inside a run", () => {
  it("names the scenario, file, seed and overrides, and how to run it again", () => {
    const error = failingRun(["detector.timeout=5s", "clients.writes=20/s"]);
    expect(error.message).toBe("a broken invariant");
    expect(error.run).toEqual({
      scenario: "bug-report",
      file: "scenarios/bug report.ts",
      seed: 9,
      overrides: ["detector.timeout=5s", "clients.writes=20/s"],
    });
    expect(error.reproduction()).toBe(
      "npx sim run 'scenarios/bug report.ts' --seed 9 --set detector.timeout=5s --set clients.writes=20/s",
    );
  });

  it("is printed by the CLI with the reproduction on one line, exit 1", async () => {
    let err = "";
    const code = await reportFailure(failingRun(), {
      out: () => {},
      err: (text) => void (err += text),
    });
    expect(code).toBe(1);
    expect(err.split("\n").slice(0, 3)).toEqual([
      "internal error: a broken invariant",
      "  while running bug-report (scenarios/bug report.ts) with seed 9",
      "  reproduce: npx sim run 'scenarios/bug report.ts' --seed 9",
    ]);
  });

  it("leaves an engine limit as a limit", () => {
    expect(() => runScenario(scenario, { limits: { maxPending: 5 } })).toThrow(
      SimulationLimitError,
    );
  });
});
