import { describe, expect, it } from "vitest";
import {
  applyOverrides,
  at,
  crash,
  parseOverrideValue,
  resolveScenario,
} from "../../sim/scenario/index.ts";
import { baseScenario, expectMessage, file, scenarioErrorOf } from "./scenario-helpers.ts";

function override(...assignments: string[]): Record<string, any> {
  return applyOverrides(baseScenario(), assignments, file) as Record<string, any>;
}

function errorFor(...assignments: string[]) {
  return scenarioErrorOf(() => override(...assignments));
}

describe("override values use the DSL's syntax", () => {
  it.each([
    ["true", true],
    ["false", false],
    ["3", 3],
    ["-0.5", -0.5],
    ["1e3", 1000],
    ["5s", "5s"],
    ["sync", "sync"],
    ["200/s", "200/s"],
    ["[1, 2]", [1, 2]],
    ['{"max": 0}', { max: 0 }],
    ["", ""],
    ["a=b", "a=b"],
  ])("%j → %j", (text, value) => {
    expect(parseOverrideValue(text)).toEqual(value);
  });
});

describe("applyOverrides", () => {
  it("sets nested fields, creating optional sections the scenario left out", () => {
    const scenario = override(
      "detector.timeout=5s",
      "replication.mode=sync",
      "failover.automatic=false",
      "seed=9",
    );
    expect(scenario.detector).toEqual({ timeout: "5s" });
    expect(scenario.replication).toEqual({ mode: "sync" });
    expect(scenario.failover).toEqual({ automatic: false });
    expect(scenario.seed).toBe(9);
    const world = resolveScenario(scenario, { file }).world;
    expect(world.detector).toMatchObject({ kind: "timeout", timeoutUs: 5_000_000 });
    expect(world.replication.mode).toBe("sync");
  });

  it("changes existing nodes", () => {
    expect(override("nodes.db2.zone=east").nodes.db2).toEqual({ role: "standby", zone: "east" });
  });

  it("creates link entries, whose keys are free-form", () => {
    const scenario = override(
      "network.links.east<->west.latency=40ms",
      "network.links.db1->db2.loss=0.1",
    );
    expect(scenario.network).toEqual({
      links: { "east<->west": { latency: "40ms" }, "db1->db2": { loss: 0.1 } },
    });
    expect(resolveScenario(scenario, { file }).world.network.overrides).toEqual([
      { source: "east", target: "west", bothWays: true, spec: { latency: 40_000 } },
      { source: "db1", target: "db2", bothWays: false, spec: { lossProbability: 0.1 } },
    ]);
  });

  it("reaches into a single client group and into lists by index", () => {
    expect(override("clients.writes=50/s").clients).toEqual({ writes: "50/s" });
    const listed = applyOverrides(
      { ...baseScenario(), clients: [{ writes: "1/s" }, { writes: "2/s" }] },
      ["clients[1].zone=west", "clients.0.writes=9/s"],
      file,
    ) as Record<string, any>;
    expect(listed.clients).toEqual([{ writes: "9/s" }, { writes: "2/s", zone: "west" }]);
  });

  it("reaches into faults by index, following each fault's kind", () => {
    const scenario = { ...baseScenario(), faults: [at("1m", crash("db1"))] };
    const changed = applyOverrides(
      scenario,
      ["faults[0].at=2m", "faults[0].fault.node=db2"],
      file,
    ) as Record<string, any>;
    expect(changed.faults).toEqual([{ at: "2m", fault: { kind: "crash", node: "db2" } }]);
    expectMessage(
      scenarioErrorOf(() => applyOverrides(scenario, ["faults[0].fault.groups=[]"], file)),
      "--set faults[0].fault.groups",
      "a key of faults[0].fault: kind or node",
    );
  });

  it("reaches into a latency distribution's fields, following its kind (what --vary network.latency.sigma needs)", () => {
    const result = override(
      'network.latency={"kind":"lognormal","median":"2ms","sigma":0.5}',
      "network.jitter=0s",
      "network.latency.sigma=1.5",
      'network.links.db1<->db2.latency={"kind":"mixture","parts":[{"weight":1,"latency":{"kind":"pareto","scale":"1ms","shape":2}}]}',
      "network.links.db1<->db2.latency.parts[0].latency.shape=3",
    );
    expect(result.network.latency).toEqual({ kind: "lognormal", median: "2ms", sigma: 1.5 });
    const { network } = resolveScenario(result, { file }).world;
    expect(network.defaults.latency).toEqual({ kind: "lognormal", medianUs: 2000, sigma: 1.5 });
    expect(network.overrides[0].spec.latency).toEqual({
      kind: "mixture",
      parts: [{ weight: 1, latency: { kind: "pareto", scaleUs: 1000, shape: 3 } }],
    });
    expectMessage(
      errorFor(
        'network.latency={"kind":"pareto","scale":"1ms","shape":2}',
        "network.latency.sigma=1",
      ),
      "--set network.latency.sigma",
      `expected a key of network.latency: kind, scale or shape, got "sigma"`,
    );
  });

  it("replaces whole sections with JSON", () => {
    expect(override('expect={"lostWrites":0}').expect).toEqual({ lostWrites: 0 });
    expect(override("expect.lostWrites.max=0").expect).toEqual({ lostWrites: { max: 0 } });
  });

  it("applies assignments in order; a later one wins", () => {
    expect(override("detector.timeout=5s", "detector.timeout=7s").detector.timeout).toBe("7s");
  });

  it("does not mutate the input, and shares nothing it changed", () => {
    const scenario = baseScenario();
    const before = structuredClone(scenario);
    const changed = applyOverrides(
      scenario,
      ["nodes.db2.zone=north", "clients.writes=1/s"],
      file,
    ) as Record<string, any>;
    expect(scenario).toEqual(before);
    expect(changed.nodes.db2.zone).toBe("north");
    expect(changed.nodes.db1).toBe(scenario.nodes.db1);
  });

  it("values are validated by resolution, naming the field", () => {
    const scenario = override("detector.timeout=5 sex");
    expectMessage(
      scenarioErrorOf(() => resolveScenario(scenario, { file })),
      "detector.timeout",
      `got "5 sex"`,
    );
  });
});

describe("override errors", () => {
  it("an unknown key lists the valid keys at that point", () => {
    const error = errorFor("detector.timeoutt=5s");
    expect(error.message).toBe(
      `${file}: --set detector.timeoutt: expected a key of detector: kind, interval, timeout, probeTimeout, failures, successes, threshold, minStdDev, acceptablePause, maxSamples or intervalJitter, got "timeoutt" (did you mean "timeout"?).`,
    );
  });

  it("an unknown top-level key", () => {
    expectMessage(
      errorFor("detektor.timeout=5s"),
      "--set detektor.timeout",
      "a key of the scenario: name, summary",
      `(did you mean "detector"?)`,
    );
  });

  it("cannot add a node", () => {
    expectMessage(
      errorFor("nodes.db9.zone=east"),
      "--set nodes.db9.zone",
      "an existing entry of nodes (--set cannot add one): db1, db2 or mon",
      `got "db9"`,
    );
  });

  it("an index out of range", () => {
    expectMessage(
      errorFor("faults[0].at=1m"),
      "--set faults[0].at",
      "an index of faults (none: faults is empty)",
    );
  });

  it("a path below a single value", () => {
    expectMessage(
      errorFor("detector.timeout.ms=5"),
      "--set detector.timeout.ms",
      "no path below detector.timeout",
    );
  });

  it("an assignment without =", () => {
    expectMessage(
      errorFor("detector.timeout"),
      "--set detector.timeout",
      "path=value, like detector.timeout=5s",
    );
  });

  it("a malformed path", () => {
    expectMessage(errorFor("detector..timeout=5s"), "--set detector..timeout", "a dotted path");
  });

  it("malformed JSON", () => {
    expectMessage(
      errorFor("expect={lostWrites:0}"),
      "--set expect",
      "valid JSON",
      `got "{lostWrites:0}"`,
    );
  });
});
