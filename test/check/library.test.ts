// The library API as a user's own vitest file uses it (the example in docs/checks.md, run for real):
// everything comes from the package's name, "failover-sim", never from a path inside it.
import { describe, expect, it } from "vitest";
import { checkScenario, defineScenario, runScenario } from "failover-sim";
import splitBrain from "../../scenarios/split-brain.ts";
import crashPass from "./fixtures/crash-pass.ts";

describe("our failover policy (a user's test)", () => {
  it("with sync replication, a partition loses no acknowledged write — it costs downtime instead", () => {
    const result = runScenario(splitBrain, { seed: 3, overrides: ["replication.mode=sync"] });
    expect(result.metrics.lost_writes).toBe(0);
    expect(result.metrics.downtime_s).toBeGreaterThan(30);
    // The timeline and the events are there to assert on too: db2 was promoted across the partition.
    const primaries = result.timeline
      .filter((row) => row.kind === "role" && row.state === "primary")
      .map((row) => row.node);
    expect(new Set(primaries)).toEqual(new Set(["db1", "db2"]));
    expect(result.events.some((event) => event.kind === "promoted" && event.node === "db2")).toBe(
      true,
    );
  });

  it("meets its own expect over several seeds", () => {
    const check = checkScenario(crashPass, { seeds: 5 });
    expect(check.seeds).toEqual([1, 2, 3, 4, 5]);
    expect(check.verdicts.filter((verdict) => !verdict.passed)).toEqual([]);
    expect(check.status).toBe("pass");
  });

  it("a scenario written in the test: checks are typed by the run's result", () => {
    const quiet = defineScenario({
      name: "quiet",
      summary: "Nothing fails.",
      duration: "20s",
      nodes: { db1: { role: "primary" }, db2: { role: "standby" }, mon: { role: "monitor" } },
      clients: { writes: "50/s", arrivals: "uniform" },
      expect: {
        // 50/s evenly spaced for 20 s is 1,000 writes; none can fail without a fault.
        writesAttempted: 1000,
        availability: 1,
        checks: {
          "db1 primary throughout": (result) =>
            result.timeline.some(
              (row) =>
                row.node === "db1" &&
                row.kind === "role" &&
                row.state === "primary" &&
                row.startUs === 0 &&
                row.endUs === result.endUs,
            ),
        },
      },
    });
    const result = runScenario(quiet, { overrides: ["clients.writes=25/s"] });
    expect(result.metrics.writes_attempted).toBe(500); // 25/s × 20 s
    expect(result.breaches).toEqual(["expected writes_attempted = 1000, got 500"]);
    expect(result.expectations.map((outcome) => outcome.passed)).toEqual([false, true, true]);
    expect(runScenario(quiet).breaches).toEqual([]);
  });

  it("the types catch mistakes in expect in the editor (checked by tsc --noEmit)", () => {
    const scenario = {
      name: "typed",
      summary: "Types.",
      duration: "10s" as const,
      nodes: { db1: { role: "primary" as const }, mon: { role: "monitor" as const } },
    };
    // @ts-expect-error a misspelt metric
    defineScenario({ ...scenario, expect: { lostWrite: 0 } });
    // @ts-expect-error a function under a metric's name: checks go under `checks`
    defineScenario({ ...scenario, expect: { lostWrites: () => true } });
    defineScenario({
      ...scenario,
      // @ts-expect-error a check returns true, false or a message
      expect: { checks: { "counts writes": (result) => result.metrics.writes_acked } },
    });
    defineScenario({
      ...scenario,
      // @ts-expect-error the result has no such field
      expect: { checks: { "reads a typo": (result) => result.metricz === undefined } },
    });
    expect(
      defineScenario({ ...scenario, expect: { lostWrites: { max: 0, quantile: 0.95 } } }).expect,
    ).toEqual({ lostWrites: { max: 0, quantile: 0.95 } });
  });
});
