// Chaos aimed at roles and zones (sim/scenario/chaos.ts, sim/model/aim.ts): a role is struck
// where it is when the fault comes — the primary at that moment, not the one at the start — and
// a chaos crash's restart brings back the node that crash struck; a zone stands for every node
// placed in it; a wrong or ambiguous word is refused, naming its field.
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../sim/model/index.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import {
  chaos,
  defineScenario,
  resolveScenario,
  type ChaosSpec,
  type ScenarioError,
} from "../../sim/scenario/index.ts";

function scenario(chaosSpec: ChaosSpec) {
  return defineScenario({
    name: "aimed-chaos",
    summary: "Chaos aimed at roles and zones.",
    duration: "30m",
    seed: 3,
    nodes: {
      db1: { role: "primary", zone: "a" },
      db2: { role: "standby", zone: "b" },
      db3: { role: "standby", zone: "b" },
      mon: { role: "monitor", zone: "c" },
    },
    detector: { interval: "1s", timeout: "3s" },
    clients: { writes: "5/s", zone: "a" },
    chaos: chaosSpec,
  });
}

/** Each fault in time order, with the nodes that held each role just before it. */
function struck(chaosSpec: ChaosSpec) {
  const roles = new Map<string, string>();
  const down = new Set<string>();
  const seen: { fault: TraceEvent & { kind: "fault" }; primaries: string[]; standbys: string[] }[] =
    [];
  const holders = (role: string) =>
    [...roles].filter(([node, held]) => held === role && !down.has(node)).map(([node]) => node);
  runScenario(scenario(chaosSpec), {
    onTrace: (event) => {
      if (event.kind === "fault")
        seen.push({ fault: event, primaries: holders("primary"), standbys: holders("standby") });
      if (event.kind === "role") roles.set(event.node, event.role);
      if (event.kind === "node_down") down.add(event.node);
      if (event.kind === "node_up") down.delete(event.node);
    },
  });
  return seen;
}

const nodeOf = (fault: { fault: { kind: string } }) =>
  (fault.fault as unknown as { node: string }).node;

describe("chaos aimed at a role", () => {
  it('crash: { nodes: ["primary"] } strikes whichever node is primary then, and restarts that node', () => {
    const faults = struck(chaos({ crash: { mtbf: "4m", mttr: "20s", nodes: ["primary"] } }));
    const crashes = faults.filter(({ fault }) => fault.fault.kind === "crash");
    expect(crashes.length).toBeGreaterThan(3);
    for (const crash of crashes) expect(crash.primaries).toContain(nodeOf(crash.fault));
    // The role moves: more than one node is struck as the primary over the run.
    expect(new Set(crashes.map((crash) => nodeOf(crash.fault))).size).toBeGreaterThan(1);
    // Each restart follows its crash and names the same node.
    faults.forEach(({ fault }, i) => {
      if (fault.fault.kind !== "restart") return;
      const before = faults
        .slice(0, i)
        .reverse()
        .find((f) => f.fault.fault.kind === "crash");
      expect(nodeOf(fault)).toBe(nodeOf(before!.fault));
    });
  });

  it('pause: { nodes: ["standby"] } pauses a node that is a standby when the pause comes', () => {
    const faults = struck(chaos({ pause: { every: "2m", for: "2s..5s", nodes: ["standby"] } }));
    expect(faults.length).toBeGreaterThan(5);
    for (const pause of faults) expect(pause.standbys).toContain(nodeOf(pause.fault));
  });

  it("blip: a role's blip cuts the struck node from every other endpoint", () => {
    const faults = struck(chaos({ blip: { every: "3m", for: "2s", nodes: ["primary"] } }));
    expect(faults.length).toBeGreaterThan(3);
    for (const { fault, primaries } of faults) {
      const groups = (fault.fault as { groups: string[][] }).groups;
      expect(primaries).toContain(groups[0][0]);
      expect(groups[1].sort()).toEqual(
        ["clients", "db1", "db2", "db3", "mon"].filter((name) => name !== groups[0][0]),
      );
    }
  });
});

describe("chaos aimed at a zone, and bad words", () => {
  it("a zone stands for every node placed in it: one crash process each", () => {
    const { world } = resolveScenario(
      scenario(chaos({ crash: { mtbf: "5m", mttr: "30s", nodes: ["b"] } })),
      { file: "aimed.ts" },
    );
    const crashed = new Set(
      world.faults
        .filter(({ fault }) => fault.kind === "crash")
        .map(({ fault }) => nodeOf({ fault })),
    );
    expect(crashed).toEqual(new Set(["db2", "db3"]));
    expect(world.faults.every(({ aim }) => aim === undefined)).toBe(true);
  });

  it("an unknown word names its field and lists nodes, zones and roles", () => {
    const problems = problemsOf(
      chaos({ blip: { every: "5m", for: "2s", nodes: ["db1", "leader"] } }),
    );
    expect(problems).toEqual([
      {
        field: "chaos.blip.nodes[1]",
        expected: `a node (db1, db2, db3, mon), a zone (a, b, c) or a role ("primary", "standby", "monitor", "witness" or "server")`,
      },
    ]);
  });

  it("a word that is both a role and a zone is ambiguous", () => {
    const ambiguous = {
      ...scenario(chaos({ crash: { mtbf: "5m", mttr: "30s", nodes: ["standby"] } })),
      nodes: {
        db1: { role: "primary" as const, zone: "a" },
        db2: { role: "standby" as const, zone: "standby" },
        mon: { role: "monitor" as const, zone: "c" },
      },
    };
    let fields: string[] = [];
    try {
      resolveScenario(ambiguous, { file: "aimed.ts" });
    } catch (error) {
      fields = (error as ScenarioError).problems.map((problem) => problem.field);
    }
    expect(fields).toEqual(["chaos.crash.nodes[0]"]);
  });
});

function problemsOf(chaosSpec: ChaosSpec) {
  try {
    resolveScenario(scenario(chaosSpec), { file: "aimed.ts" });
    return [];
  } catch (error) {
    return (error as ScenarioError).problems.map(({ field, expected }) => ({ field, expected }));
  }
}
