// A partial stand-in (nodes.<n>.serves) against values worked out by hand: once promoted it takes
// the writes of the client groups it serves and refuses the others' at once, before they take any
// of its capacity; partial_service_s is the time it is primary, and the refusals show in the
// groups' availability; resolution checks what `serves` names.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import {
  at,
  crash,
  defineScenario,
  resolveScenario,
  restart,
  type Scenario,
} from "../../sim/scenario/index.ts";
import { expectMessage, file, scenarioErrorOf } from "../scenario/scenario-helpers.ts";

/** db1 fails over to a stand-in serving only `core`: 10 writes/s each for core and other. */
function standin(extra: Partial<Scenario> = {}): Scenario {
  return defineScenario({
    name: "standin",
    summary: "A stand-in that serves only the core group.",
    duration: "100s",
    nodes: {
      db1: { role: "primary", zone: "a" },
      backup: { role: "standby", zone: "b", serves: ["core"], capacity: "10/s" },
      mon: { role: "monitor", zone: "c" },
    },
    network: { latency: "1ms", jitter: "0ms" },
    replication: { lag: "0ms", applyDelay: "0ms" },
    detector: { kind: "timeout", interval: "1s", timeout: "3s" },
    clients: [
      { name: "core", writes: "10/s", zone: "c", arrivals: "uniform" },
      { name: "other", writes: "10/s", zone: "c", arrivals: "uniform" },
    ],
    faults: [at("20s", crash("db1")), at("60s", restart("db1"))],
    ...extra,
  });
}

describe("a partial stand-in in a run", () => {
  it("serves its group alone while primary; partial_service_s is that time", () => {
    const result = runScenario(standin(), { file: "standin.ts" });
    // db1 crashes at 20 s; suspected 3 s after its last answer (19 s): 22 s; the stand-in takes
    // writes 1 s later (promoteIn), at 23 s, and stays primary (no failback) to the end at 100 s.
    expect(result.metrics.partial_service_s).toBeCloseTo(77, 1);
    const [core, other] = result.groups;
    // core: the writes of 20–23 s fail, 30 of 1,000. other: every write from 20 s, 800.
    expect(core.writes.failed).toBeGreaterThanOrEqual(29);
    expect(core.writes.failed).toBeLessThanOrEqual(31);
    expect(other.writes.failed).toBe(800);
    expect(result.metrics.min_group_availability).toBeCloseTo(0.2, 6);
  });

  it("the refused group's writes take none of its capacity: 10/s of core fit in 10/s", () => {
    // With the refusals queued, 20 writes/s would be offered to a 10/s node: core would fail too.
    const result = runScenario(standin(), { file: "standin.ts" });
    const [core] = result.groups;
    expect(core.writes.failed).toBeLessThanOrEqual(31);
  });

  it("serving every group is no partial service", () => {
    const full = standin();
    full.nodes.backup = { ...full.nodes.backup, serves: ["core", "other"] };
    const result = runScenario(full, { file: "standin.ts" });
    expect(result.metrics.partial_service_s).toBe(0);
  });
});

describe("serves at load", () => {
  it("names client groups of the scenario", () => {
    const scenario = standin();
    scenario.nodes.backup = { ...scenario.nodes.backup, serves: ["core", "payments"] };
    expectMessage(
      scenarioErrorOf(() => resolveScenario(scenario, { file })),
      "nodes.backup.serves[1]",
      'the name of a client group ("core", "other")',
      'got "payments"',
    );
  });

  it("only on a database node", () => {
    const scenario = standin();
    scenario.nodes.mon = { role: "monitor", zone: "c", serves: ["core"] };
    expectMessage(
      scenarioErrorOf(() => resolveScenario(scenario, { file })),
      "nodes.mon.serves",
      "no serves on a monitor",
    );
  });
});
