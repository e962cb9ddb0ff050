// The graph rules of .dependency-cruiser.mjs catch what they are for, on a small project made
// in a temporary folder: an upward import, an import of a room beside, an import cycle of
// type-only imports, a node: builtin and an I/O package in the core, the importer going around
// import/dsl.ts, and a folder the map does not know; an import far down the graph passes.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkGraph, type GraphReport } from "../../scripts/lint/graph.ts";

const root = join(import.meta.dirname, "..", "..");

let fixture: string;
let report: GraphReport;

const files: Record<string, string> = {
  "package.json": JSON.stringify({ type: "module", dependencies: { seedrandom: "*", yaml: "*" } }),
  "sim/engine/queue.ts": "export const queue: number[] = [];\n",
  // Allowed: the model builds on the engine.
  "sim/model/node.ts": 'import { queue } from "../engine/queue.ts";\nexport const node = queue;\n',
  // Upward: the engine names the model, if only for a type.
  "sim/engine/clock.ts": 'import type { Node } from "../model/types.ts";\nexport type T = Node;\n',
  "sim/model/types.ts": "export type Node = { name: string };\n",
  // A cycle made of type-only imports.
  "sim/model/a.ts": 'import type { B } from "./b.ts";\nexport type A = { b?: B };\n',
  "sim/model/b.ts": 'import type { A } from "./a.ts";\nexport type B = { a?: A };\n',
  // I/O in the core; seedrandom is a pure package and allowed.
  "sim/model/io.ts": [
    'import { readFileSync } from "node:fs";',
    'import { parse } from "yaml";',
    'import seedrandom from "seedrandom";',
    "export const io = [readFileSync, parse, seedrandom];",
    "",
  ].join("\n"),
  // Sideways: check and fuzz are rooms beside each other. Far below: the run may use the engine.
  "sim/fuzz/shrink.ts": "export const shrink = 1;\n",
  "sim/check/judge.ts":
    'import { shrink } from "../fuzz/shrink.ts";\nexport const judge = shrink;\n',
  "sim/run/start.ts": 'import { queue } from "../engine/queue.ts";\nexport const start = queue;\n',
  // The importer reaches the scenario language only through import/dsl.ts.
  "sim/scenario/index.ts": "export const presets = {};\n",
  "sim/import/dsl.ts": 'export { presets } from "../scenario/index.ts";\n',
  "sim/import/reader.ts":
    'import { presets } from "../scenario/index.ts";\nexport const r = presets;\n',
  // A folder missing from the map.
  "sim/newroom/thing.ts": 'import { queue } from "../engine/queue.ts";\nexport const q = queue;\n',
};

beforeAll(async () => {
  fixture = mkdtempSync(join(tmpdir(), "graph-fixture-"));
  // The project's packages, so that they resolve as they do for sim/.
  symlinkSync(join(root, "node_modules"), join(fixture, "node_modules"), "dir");
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(fixture, file)), { recursive: true });
    writeFileSync(join(fixture, file), text);
  }
  report = await checkGraph(fixture, ["sim"]);
});

afterAll(() => rmSync(fixture, { recursive: true, force: true }));

const found = () =>
  report.violations.map(
    (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
  );

describe("the import graph rules", () => {
  it("catch an import that goes up the map, type-only or not", () => {
    expect(found()).toContain("not-in-allowed: sim/engine/clock.ts → sim/model/types.ts");
  });

  it("catch an import cycle made of type-only imports", () => {
    expect(report.cycles).toBe(1);
    expect(found().filter((line) => line.startsWith("no-cycle"))).toHaveLength(1);
  });

  it("keep node: builtins and I/O packages out of the core, and allow its pure packages", () => {
    expect(found()).toContain("core-no-builtins: sim/model/io.ts → fs");
    expect(
      found().some((line) => /core-pure-packages: sim\/model\/io\.ts → .*\/yaml\//.test(line)),
    ).toBe(true);
    expect(found().some((line) => line.includes("seedrandom"))).toBe(false);
  });

  it("catch an import of a room beside, and allow one far below", () => {
    expect(found()).toContain("not-in-allowed: sim/check/judge.ts → sim/fuzz/shrink.ts");
    expect(found().some((line) => line.includes("sim/run/start.ts"))).toBe(false);
  });

  it("keep the importer to import/dsl.ts for the scenario language", () => {
    expect(found()).toContain("import-through-dsl: sim/import/reader.ts → sim/scenario/index.ts");
    expect(found().some((line) => line.includes("sim/import/dsl.ts"))).toBe(false);
  });

  it("let a folder missing from the map import nothing of the project", () => {
    expect(found()).toContain("not-in-allowed: sim/newroom/thing.ts → sim/engine/queue.ts");
  });

  it("report nothing else: the allowed imports pass", () => {
    expect(found().sort()).toEqual([
      "core-no-builtins: sim/model/io.ts → fs",
      "core-pure-packages: sim/model/io.ts → node_modules/yaml/dist/index.d.ts",
      "import-through-dsl: sim/import/reader.ts → sim/scenario/index.ts",
      "no-cycle: sim/model/a.ts → sim/model/b.ts",
      "not-in-allowed: sim/check/judge.ts → sim/fuzz/shrink.ts",
      "not-in-allowed: sim/engine/clock.ts → sim/model/types.ts",
      "not-in-allowed: sim/newroom/thing.ts → sim/engine/queue.ts",
    ]);
  });
});
