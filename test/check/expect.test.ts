// The `expect` DSL beyond plain bounds: quantiles and named checks — how they are validated (bad
// input names the file and the field) and how a run judges them (a check that fails, throws or
// returns nonsense is a breach with a message, never a crash).
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { perWriteKinds } from "../../sim/model/index.ts";
import { at, crash, resolveScenario, ScenarioError } from "../../sim/scenario/index.ts";
import {
  baseScenario,
  expectMessage,
  file,
  scenarioErrorOf,
} from "../scenario/scenario-helpers.ts";

function errorFor(expectation: Record<string, unknown>) {
  const scenario = { ...baseScenario(), expect: expectation };
  return scenarioErrorOf(() => resolveScenario(scenario, { file }));
}

describe("validating expect", () => {
  it("keeps bounds and checks in the order written", () => {
    const first = () => true;
    const second = () => "no";
    const scenario = {
      ...baseScenario(),
      expect: { lostWrites: 0, checks: { first, second }, downtimeS: { max: 30, quantile: 0.95 } },
    };
    expect(resolveScenario(scenario, { file }).expect).toEqual([
      { metric: "lost_writes", equals: 0 },
      { check: "first", predicate: first },
      { check: "second", predicate: second },
      { metric: "downtime_s", max: 30, quantile: 0.95 },
    ]);
  });

  it("a quantile is above 0 and at most 1", () => {
    for (const quantile of [0, -0.5, 1.5, 95]) {
      expectMessage(
        errorFor({ downtimeS: { max: 30, quantile } }),
        "expect.downtimeS.quantile",
        "a quantile over the seeds above 0 and at most 1, like 0.95",
        `got ${quantile}`,
      );
    }
    expectMessage(
      errorFor({ downtimeS: { max: 30, quantile: "p95" } }),
      "expect.downtimeS.quantile",
      "above 0 and at most 1",
      `got "p95"`,
    );
    expect(
      resolveScenario(
        { ...baseScenario(), expect: { downtimeS: { max: 30, quantile: 1 } } },
        { file },
      ).expect,
    ).toEqual([{ metric: "downtime_s", max: 30, quantile: 1 }]);
  });

  it("a quantile alone bounds nothing", () => {
    expectMessage(
      errorFor({ downtimeS: { quantile: 0.95 } }),
      "expect.downtimeS",
      "at least one of min and max",
    );
  });

  it("an unknown key in bounds lists the allowed ones", () => {
    expectMessage(
      errorFor({ downtimeS: { max: 30, p: 95 } }),
      "expect.downtimeS.p",
      "min, max or quantile",
      `unknown key "p"`,
    );
  });

  it("a check is a function under a name", () => {
    expectMessage(
      errorFor({ checks: { "db2 ends primary": true } }),
      `expect.checks.db2 ends primary`,
      `a check: a function (result) => true | false | "why not"`,
      "got true",
    );
    expectMessage(
      errorFor({ checks: { " ": () => true } }),
      "expect.checks. ",
      "a name saying what the check checks as the key",
    );
    expectMessage(errorFor({ checks: [() => true] }), "expect.checks", "checks by name");
  });

  it("a function under a metric's name is pointed to checks", () => {
    expectMessage(
      errorFor({ lostWrites: () => true }),
      "expect.lostWrites",
      "a function belongs in checks",
      "got a function",
    );
  });

  it("a misspelt metric is still caught, with a guess", () => {
    expectMessage(
      errorFor({ lostWrite: 0 }),
      "expect.lostWrite",
      "lostWrites",
      "checks",
      `(did you mean "lostWrites"?)`,
    );
  });
});

// db1 crashes at 20 s; db2 takes over (one promotion).
const crashing = {
  ...baseScenario(),
  duration: "40s",
  detector: { interval: "1s", timeout: "3s" },
  clients: { writes: "20/s" },
  faults: [at("20s", crash("db1"))],
};

function outcomesOf(
  checks: Record<string, (result: never) => unknown>,
  trace?: "none" | "changes" | "full",
) {
  const scenario = { ...crashing, expect: { failovers: 1, checks } } as typeof crashing;
  return runScenario(scenario, { file, ...(trace !== undefined && { trace }) });
}

describe("judging checks on a run", () => {
  it("true passes; false and a message fail, in order with the bounds", () => {
    const result = outcomesOf({
      "db2 was promoted": (r: ReturnType<typeof runScenario>) =>
        r.events.some((event) => event.kind === "promoted" && event.node === "db2"),
      "never fails over": (r: ReturnType<typeof runScenario>) => r.metrics.failovers === 0,
      "db1 stays primary": (r: ReturnType<typeof runScenario>) =>
        r.metrics.failovers === 0 || `${r.metrics.failovers} failover`,
    });
    expect(result.expectations.map(({ expectation, passed }) => [expectation, passed])).toEqual([
      ["failovers = 1", true],
      [`"db2 was promoted"`, true],
      [`"never fails over"`, false],
      [`"db1 stays primary"`, false],
    ]);
    expect(result.breaches).toEqual([
      `check "never fails over" returned false`,
      `check "db1 stays primary" failed: 1 failover`,
    ]);
    expect(result.expectations[3].observed).toBe("1 failover");
  });

  it("a check that throws or returns something else is a breach, not a crash", () => {
    const result = outcomesOf({
      throws: () => {
        throw new TypeError("no such node");
      },
      "returns nothing": () => undefined,
      "returns a number": () => 1,
      "is async": () => Promise.resolve(true),
    });
    expect(result.breaches).toEqual([
      `check "throws" threw TypeError: no such node`,
      `check "returns nothing" returned undefined; a check returns true, false or a message`,
      `check "returns a number" returned 1; a check returns true, false or a message`,
      `check "is async" returned a Promise (checks run synchronously); a check returns true, false or a message`,
    ]);
  });

  it("checks see the same events whatever the trace level keeps", () => {
    const seen: number[] = [];
    const checks = {
      "counts events": (r: ReturnType<typeof runScenario>) => (
        seen.push(r.events.length),
        r.events.every((event) => !perWriteKinds.has(event.kind))
      ),
    };
    const none = outcomesOf(checks, "none");
    const changes = outcomesOf(checks, "changes");
    const full = outcomesOf(checks, "full");
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen).toEqual([changes.events.length, changes.events.length, changes.events.length]);
    expect([none.breaches, changes.breaches, full.breaches]).toEqual([[], [], []]);
    expect(none.events).toEqual([]); // what the caller asked to keep is unchanged
    expect(full.events.length).toBeGreaterThan(changes.events.length);
  });
});

describe("runScenario without a file name", () => {
  it("names the scenario in its errors", () => {
    const error = scenarioErrorOf(() =>
      runScenario({ ...crashing, faults: [at("90s", crash("db1"))] }),
    );
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.message).toMatch(/^base: faults\[0\]\.at: expected a time within the run/);
    expect(() => runScenario(42)).toThrow(
      /^scenario: \(the scenario\): expected a scenario made with defineScenario/,
    );
  });
});
