import { describe, expect, it } from "vitest";
import {
  at,
  blip,
  crash,
  heal,
  isolate,
  partition,
  resolveScenario,
  restart,
  type ScheduledFaultSpec,
} from "../../sim/scenario/index.ts";
import {
  baseScenario,
  expectFirstProblem,
  expectMessage,
  expectProblems,
  file,
  scenarioErrorOf,
} from "./scenario-helpers.ts";

function resolveFaults(faults: unknown[]) {
  return resolveScenario({ ...baseScenario(), faults }, { file }).world.faults;
}

function errorFor(faults: unknown[]) {
  return scenarioErrorOf(() => resolveFaults(faults));
}

describe("fault builders return plain data", () => {
  it("in the DSL's form", () => {
    expect(at("2m", crash("db1"))).toEqual({ at: "2m", fault: { kind: "crash", node: "db1" } });
    expect(restart("db1")).toEqual({ kind: "restart", node: "db1" });
    expect(partition(["east"], ["west", "mon"])).toEqual({
      kind: "partition",
      groups: [["east"], ["west", "mon"]],
    });
    expect(isolate("db1")).toEqual({ kind: "isolate", target: "db1" });
    expect(heal()).toEqual({ kind: "heal" });
    expect(blip("5s", ["east"], ["west"])).toEqual({
      kind: "blip",
      duration: "5s",
      groups: [["east"], ["west"]],
    });
  });

  it("copies groups, so later changes to the caller's arrays do not leak in", () => {
    const east = ["east"];
    const fault = partition(east, ["west"]);
    east.push("db2");
    expect(fault).toEqual({ kind: "partition", groups: [["east"], ["west"]] });
  });
});

describe("fault resolution", () => {
  it("turns times into microseconds and expands zones into their endpoints", () => {
    expect(resolveFaults([at("2m", partition(["east"], ["west"])), at("3m", heal())])).toEqual([
      {
        atUs: 120_000_000,
        fault: {
          kind: "partition",
          groups: [
            ["db1", "clients"],
            ["db2", "mon"],
          ],
        },
      },
      { atUs: 180_000_000, fault: { kind: "heal" } },
    ]);
  });

  it("mixes names and zones in one group without repeating an endpoint", () => {
    expect(resolveFaults([at("1m", blip("10s", ["db1", "east"], ["mon"]))])).toEqual([
      {
        atUs: 60_000_000,
        fault: { kind: "blip", groups: [["db1", "clients"], ["mon"]], durationUs: 10_000_000 },
      },
    ]);
  });

  it("keeps crash, restart and isolate targets as named", () => {
    const faults = resolveFaults([
      at("1m", crash("mon")),
      at("2m", restart("mon")),
      at("3m", isolate("west")),
    ]);
    expect(faults.map((entry) => entry.fault)).toEqual([
      { kind: "crash", node: "mon" },
      { kind: "restart", node: "mon" },
      { kind: "isolate", target: "west" },
    ]);
  });

  it("sorts by time, keeping the written order for simultaneous faults", () => {
    const faults = resolveFaults([
      at("3m", heal()),
      at("1m", crash("db1")),
      at("1m", crash("db2")),
      at("0s", isolate("mon")),
    ]);
    expect(faults.map((entry) => [entry.atUs, entry.fault.kind])).toEqual([
      [0, "isolate"],
      [60_000_000, "crash"],
      [60_000_000, "crash"],
      [180_000_000, "heal"],
    ]);
    expect(faults[1].fault).toEqual({ kind: "crash", node: "db1" });
  });
});

describe("fault validation", () => {
  it("a fault after the end of the run", () => {
    const error = errorFor([at("1m", heal()), at("12m", heal())]);
    expect(error.message).toBe(
      `${file}: faults[1].at: expected a time within the run (duration 10m), got "12m".`,
    );
  });

  it("a fault exactly at the end never happens, so it is an error too", () => {
    expectMessage(errorFor([at("10m", heal())]), "faults[0].at", "within the run");
  });

  it("an unknown name in a group lists what is known", () => {
    const error = errorFor([at("1m", partition(["east"], ["west", "north"]))]);
    expect(error.message).toBe(
      `${file}: faults[0].fault.groups[1][1]: expected a node, client group or zone: db1, db2, mon, clients, east, west, got "north".`,
    );
  });

  it("overlapping groups", () => {
    expectMessage(
      errorFor([at("1m", partition(["east"], ["db1", "west"]))]),
      "faults[0].fault.groups[1][0]",
      "db1 is already in group 0",
      `(through "east")`,
    );
  });

  it("a partition needs two non-empty groups", () => {
    expectMessage(
      errorFor([at("1m", partition(["east"]))]),
      "faults[0].fault.groups",
      "two or more groups",
      `[["east"]]`,
    );
    expectMessage(
      errorFor([at("1m", partition(["east"], []))]),
      "faults[0].fault.groups[1]",
      "at least one name",
      "got []",
    );
  });

  it("crash and restart take nodes only, not client groups or zones", () => {
    expectMessage(
      errorFor([at("1m", crash("clients"))]),
      "faults[0].fault.node",
      "a node: db1, db2, mon",
      `got "clients"`,
    );
    expectMessage(
      errorFor([at("1m", restart("east"))]),
      "faults[0].fault.node",
      "a node: db1, db2, mon",
      `got "east"`,
    );
  });

  it("an unknown isolate target", () => {
    expectMessage(
      errorFor([at("1m", isolate("db9"))]),
      "faults[0].fault.target",
      "a node, client group or zone",
      `got "db9"`,
    );
  });

  it("a blip must heal before the end", () => {
    expectMessage(
      errorFor([at("9m", blip("2m", ["east"], ["west"]))]),
      "faults[0].fault.duration",
      "heals before the end of the run",
      "so it must last less than 1m",
      `got "2m"`,
    );
  });

  it("a blip lasts more than zero", () => {
    expectMessage(
      errorFor([at("1m", blip("0s", ["east"], ["west"]))]),
      "faults[0].fault.duration",
      "greater than zero",
    );
  });

  it("an unknown kind lists the builders", () => {
    expectMessage(
      errorFor([{ at: "1m", fault: { kind: "explode" } }]),
      "faults[0].fault.kind",
      "crash(), restart(), partition(), isolate(), heal(), blip(), pause(), oneWay(), loss(), delay(), flaky(), slow(), readOnly(), writable(), diskFull(), diskFreed(), clockSkew(), zoneOutage(), zoneRestore(), dnsOutage(), dnsRestore(), crashLoop() or crashLoopEnd()",
      `got "explode"`,
    );
  });

  it("a misspelt field inside a fault", () => {
    expectMessage(
      errorFor([{ at: "1m", fault: { kind: "crash", nod: "db1" } }]),
      "faults[0].fault.nod",
      "a key of faults[0].fault: kind or node",
      `(did you mean "node"?)`,
    );
  });

  it("a fault without at()", () => {
    const faults: unknown[] = [crash("db1")];
    const error = errorFor(faults);
    expectFirstProblem(error, "faults[0].kind", "a key of faults[0]: at or fault");
    expectProblems(error, ["faults[0].kind", "faults[0].node", "faults[0].at", "faults[0].fault"]);
  });

  it("types reject what resolution would", () => {
    // @ts-expect-error a duration needs a unit
    const wrong: ScheduledFaultSpec = at("5", heal());
    expect(wrong.at).toBe("5");
  });
});

describe("a fault time drawn from a range by the seed", () => {
  const atSeed = (seed: number, faults: unknown[]) =>
    resolveScenario({ ...baseScenario(), faults }, { file, seed }).world.faults;

  it("the same seed strikes at the same microsecond; seeds spread it over the range", () => {
    const times = Array.from({ length: 400 }, (_, seed) =>
      atSeed(seed + 1, [at("300s..301s", crash("db1"))]),
    ).map((faults) => faults[0].atUs);
    expect(atSeed(7, [at("300s..301s", crash("db1"))])[0].atUs).toBe(times[6]);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(300_000_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(301_000_000);
    expect(times.every(Number.isInteger)).toBe(true);
    // Uniform on [300 s, 301 s]: mean 300.5 s, standard deviation 1/√12 s ≈ 0.289 s, so the mean
    // of 400 draws is within 4 standard errors (4 × 0.289 / 20 ≈ 0.058 s) of 300.5 s, and each
    // tenth of the second holds 40 ± 4·√36 ≈ 40 ± 24 of them.
    const mean = times.reduce((sum, t) => sum + t, 0) / times.length / 1e6;
    expect(Math.abs(mean - 300.5)).toBeLessThan(0.058);
    const tenths = Array.from(
      { length: 10 },
      (_, k) => times.filter((t) => Math.floor((t - 300_000_000) / 100_000) === k).length,
    );
    for (const count of tenths) expect(Math.abs(count - 40)).toBeLessThan(24);
  });

  it("each entry draws from its own stream: adding one leaves the others' times alone", () => {
    const alone = atSeed(3, [at("300s..301s", crash("db1"))]);
    const beside = atSeed(3, [at("300s..301s", crash("db1")), at("100s..200s", crash("db2"))]);
    expect(beside.find((fault) => JSON.stringify(fault.fault).includes('"db1"'))!.atUs).toBe(
      alone[0].atUs,
    );
  });

  it("a range that ends after the run, or ends before it starts, names the field", () => {
    expect(errorFor([at("9m..11m", crash("db1"))]).message).toBe(
      `${file}: faults[0].at: expected a range that ends within the run (duration 10m), got "9m..11m".`,
    );
    expectMessage(
      errorFor([at("5m..4m" as never, crash("db1"))]),
      "faults[0].at",
      "a range whose end is not before its start",
    );
  });
});
