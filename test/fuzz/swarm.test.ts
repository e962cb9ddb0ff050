// Swarm fuzzing: a fixed short swarm inside npm test (npm run validate runs ten thousand), its
// determinism, its output, its shrinker and its reproducer, and its bad input.
import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scheduleEntries } from "../../sim/fuzz/episode.ts";
import { drawCase } from "../../sim/fuzz/swarm/draw-case.ts";
import { promiseNames, promises } from "../../sim/fuzz/swarm/promises.ts";
import { configurationSize, shrinkCase } from "../../sim/fuzz/swarm/shrink-case.ts";
import { runCase, type SwarmCase } from "../../sim/fuzz/swarm/swarm-case.ts";
import { swarmReproducerSource } from "../../sim/fuzz/swarm/swarm-reproducer.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { loadScenarioFile } from "../../sim/scenario/load.ts";
import { sim } from "../cli/sim-in-process.ts";

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "sim-swarm-"));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

interface SwarmJson {
  runs: number;
  violation: unknown;
  configurations: number;
  coverage: Record<string, Record<string, number>>;
  promises: Record<string, number>;
}

describe("a short swarm", () => {
  it("draws 200 configurations, every value of every registry, and nothing breaks", async () => {
    const { code, out, err } = await sim(
      "fuzz",
      "--swarm",
      "--runs",
      "200",
      "--seed",
      "3",
      "--json",
      "--out",
      path.join(root, "r.ts"),
    );
    expect(err).toBe("");
    const result = JSON.parse(out) as SwarmJson;
    expect(result.violation).toBeNull();
    expect(code).toBe(0);
    expect(result.runs).toBe(200);
    expect(result.configurations).toBeGreaterThanOrEqual(150);
    const never = Object.entries(result.coverage).flatMap(([option, values]) =>
      Object.entries(values)
        .filter(([, runs]) => runs === 0)
        .map(([value]) => `${option}=${value}`),
    );
    expect(never).toEqual([]);
    expect(result.coverage["detector.kind"].phi).toBeGreaterThan(0);
    for (const judged of Object.values(result.promises)) expect(judged).toBeGreaterThan(10);
  });

  it("gives the same result for the same seed, and says it as text without --json", async () => {
    const first = await sim("fuzz", "--swarm", "--runs", "12", "--seed", "5", "--json");
    const second = await sim("fuzz", "--swarm", "--runs", "12", "--seed", "5", "--json");
    expect(second.out).toBe(first.out);
    const text = await sim("fuzz", "--swarm", "--runs", "12", "--seed", "5");
    expect(text.code).toBe(0);
    expect(text.out).toMatch(
      /^fuzz --swarm · seed 5\n {2}runs {12}12, nothing broke\n {2}configurations {2}12 distinct\n {2}promises judged no-lost-acked-writes \d+, single-writable-primary \d+, recovers-after-faults \d+\n/,
    );
  });

  it("draws policies over a given scenario's cluster, keeping its nodes", async () => {
    const fixture = path.relative(
      process.cwd(),
      path.join(import.meta.dirname, "fixtures", "async-unfenced.ts"),
    );
    const { code, out } = await sim("fuzz", fixture, "--swarm", "--runs", "10", "--json");
    const result = JSON.parse(out) as SwarmJson;
    expect([code, result.violation, result.runs]).toEqual([0, null, 10]);
    const raw = (await loadScenarioFile(fixture)) as { nodes: object };
    const drawn = drawCase(1, 0, fixture, 4, raw as never);
    expect(Object.keys(drawn.scenario.nodes)).toEqual(Object.keys(raw.nodes));
  });
});

describe("shrinking a swarm case", () => {
  it("drops nodes, sections and fault lines that the breach does not need", () => {
    // A stand-in breach: "some fault line names db1, and a standby is cold". Shrinking must keep
    // exactly that: one fault naming db1, the primary, one cold standby and the monitor.
    const start = findCase(
      (swarmCase) =>
        breaksStandIn(swarmCase) !== null && Object.keys(swarmCase.scenario.nodes).length > 4,
    );
    const shrunk = shrinkCase(start, "stand-in", breaksStandIn, {
      file: "swarm",
      needsRepairs: false,
      maxRuns: 2000,
    });
    expect(shrunk.exhausted).toBe(false);
    const { scenario, schedule } = shrunk.swarmCase;
    expect(breaksStandIn(shrunk.swarmCase)).not.toBeNull();
    // Kept: the primary, one monitor, the cold standby, and a node only where the one fault
    // line left names it (the blip that names db1 cuts some node away from it).
    expect(schedule).toHaveLength(1);
    const named = JSON.stringify(schedule[0].fault);
    const nodes = Object.entries(scenario.nodes);
    expect(nodes.filter(([, node]) => node.role === "monitor")).toHaveLength(1);
    expect(nodes.some(([, node]) => node.readiness === "cold")).toBe(true);
    for (const [name, node] of nodes) {
      const needed =
        node.role === "primary" || node.role === "monitor" || node.readiness === "cold";
      expect(needed || named.includes(`"${name}"`), `${name} is kept`).toBe(true);
    }
    expect(nodes.length).toBeLessThan(Object.keys(start.scenario.nodes).length);
    expect(configurationSize(scenario)).toBeLessThan(configurationSize(start.scenario));
  });
});

describe("the swarm's reproducer", () => {
  it("is a scenario file that runs exactly the case it was written from", async () => {
    const swarmCase = drawCase(9, 4, "swarm", 4);
    const outcome = runCase(swarmCase, "swarm");
    const file = path.join(root, "case.ts");
    const breach = { name: "no-lost-acked-writes" as const, detail: "lost_writes = 3" };
    const source = swarmReproducerSource({
      swarmCase,
      breach,
      fuzzCommand: "sim fuzz --swarm --seed 9",
      runCommand: "npx sim run case.ts",
      run: 5,
      drawnFaults: 3,
      shrinkRuns: 0,
      exhausted: false,
    });
    await fs.writeFile(file, source);
    expect(source).toMatch(
      /^\/\/ A configuration drawn by the swarm fuzzer, where it breaks its promise no-lost-acked-writes\n\/\/ \(lost_writes = 0\)\.\n/,
    );
    expect(source).toContain("  expect: { lostWrites: 0 },\n");
    const reloaded = runScenario(await loadScenarioFile(file), { file });
    expect(outcome.kind).toBe("judged");
    expect(reloaded.metrics).toEqual(outcome.kind === "judged" ? outcome.metrics : null);
    expect(reloaded.world.faults).toHaveLength(scheduleEntries(swarmCase.schedule).length);
  });
});

describe("the promise table", () => {
  it("in the docs is the registry's, row for row", async () => {
    const root = path.join(import.meta.dirname, "..", "..");
    const docs = await fs.readdir(path.join(root, "docs")).catch(() => [] as string[]);
    const texts = await Promise.all(
      [
        "README.md",
        ...docs.filter((name) => name.endsWith(".md")).map((name) => path.join("docs", name)),
      ].map((file) => fs.readFile(path.join(root, file), "utf8")),
    );
    for (const name of promiseNames) {
      const { holds, when, source } = promises[name];
      expect(
        texts.some((text) => text.includes(`| \`${name}\` | ${holds} | ${when} | ${source} |`)),
        name,
      ).toBe(true);
    }
  });
});

describe("bad input to sim fuzz --swarm", () => {
  it.each([
    [["fuzz", "--swarm", "--invariant", "expect"], /--invariant does not go with --swarm/],
    [["fuzz", "--swarm", "--settle", "10s"], /--settle does not go with --swarm/],
    [["fuzz", "--swarm", "--runs", "0"], /--runs expects a whole number from 1/],
    [
      ["fuzz", "--swarm", "--out", "r.js"],
      /--out names the reproducer scenario file and must end in \.ts/,
    ],
    [["fuzz", "--invariant", "expect"], /sim fuzz needs a scenario file, .* or --swarm/],
    [
      ["fuzz", "test/fuzz/fixtures/sync-fenced.ts", "--invariant", "expect", "--json"],
      /--json goes with --swarm/,
    ],
  ])("%j exits 2", async (args, message) => {
    const { code, out, err } = await sim(...(args as string[]));
    expect(code).toBe(2);
    expect(err).toMatch(message);
    // With --json, the failure is also one JSON object on stdout; without it, stdout stays empty.
    if (args.includes("--json"))
      expect(JSON.parse(out)).toMatchObject({
        error: { code: "bad-input", message: expect.stringMatching(message) },
      });
    else expect(out).toBe("");
  });
});

/** The first drawn case (fuzz seed 1) that `accept` takes. */
function findCase(accept: (swarmCase: SwarmCase) => boolean): SwarmCase {
  for (let index = 0; index < 200; index++) {
    const swarmCase = drawCase(1, index, "swarm", 4);
    if (accept(swarmCase)) return swarmCase;
  }
  throw new Error("no such case in 200 draws");
}

function breaksStandIn(swarmCase: SwarmCase): string | null {
  const namesDb1 = scheduleEntries(swarmCase.schedule).some((entry) =>
    JSON.stringify(entry.fault).includes('"db1"'),
  );
  const cold = Object.values(swarmCase.scenario.nodes).some((node) => node.readiness === "cold");
  return namesDb1 && cold && runCase(swarmCase, "swarm").kind === "judged" ? "stand-in" : null;
}
