// The tidy contract over the project itself (scripts/lint/): the import graph keeps to the
// layering rule (docs/DESIGN.md#the-layering-rule) as .dependency-cruiser.mjs states it, with no
// cycles and a core without I/O; no clock, timer, unseeded randomness, async or I/O in the
// simulation core; every file opens with its header; files of sim/ stay within 300 lines and
// functions within 70; mutable number fields start as numbers; every registry is complete.
// `npm run lint` runs the same rules.
// test/lint/ shows each rule catching a violation.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  headerViolations,
  numberFieldViolations,
  registryViolations,
  sizeViolations,
} from "../scripts/lint/contract.ts";
import { coreFolders, nondeterminism } from "../scripts/lint/determinism.ts";
import { checkGraph } from "../scripts/lint/graph.ts";
import { sourceFiles } from "../scripts/lint/source-files.ts";
import { readFileSync } from "node:fs";

const root = join(import.meta.dirname, "..");

describe("the simulation core is deterministic", () => {
  for (const file of coreFolders.flatMap((folder) => sourceFiles(root, folder))) {
    it(`${file} uses no clock, timer, unseeded randomness, async or I/O`, () => {
      const found = nondeterminism(file, readFileSync(join(root, file), "utf8"));
      expect(found.map((violation) => violation.message)).toEqual([]);
    });
  }
});

describe("the architecture holds", () => {
  it("imports keep to the allowed-imports map, with no cycle and a core without I/O", async () => {
    const report = await checkGraph(root);
    expect(report.violations.length, report.text).toBe(0);
    expect(report.modules).toBeGreaterThan(300);
  });

  it("every file of sim/, scenarios/, scripts/ and bin/ opens with a header", () => {
    expect(headerViolations(root)).toEqual([]);
  });

  it("every file of sim/ is at most 300 lines, every function at most 70", () => {
    expect(sizeViolations(root)).toEqual([]);
  });

  it("every mutable number field of sim/ starts as a number where it is declared", () => {
    expect(numberFieldViolations(root)).toEqual([]);
  });

  it("every registry has each kind its type names, each with every piece", async () => {
    expect(await registryViolations(root)).toEqual([]);
  });
});
