// The import room keeps to its door: its files import one another, the yaml parser, and the
// scenario language only through its public entry — from one file, dsl.ts — so that moving the
// language's values elsewhere costs one import line. And each shipped sample is recognised as
// its own format, and as no other.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatNames, formats, recognisedFormat } from "../../sim/import/index.ts";
import { sampleText } from "./import-kit.ts";

const room = join(import.meta.dirname, "..", "..", "sim", "import");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("sim/import", () => {
  for (const file of sourceFiles(room)) {
    it(`${relative(room, file)} imports only the room, yaml and (dsl.ts alone) the scenario's public entry`, () => {
      const text = readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map(
        (match) => match[1],
      );
      const outside = specifiers.filter(
        (specifier) => specifier !== "yaml" && !resolve(file, "..", specifier).startsWith(room),
      );
      expect(outside).toEqual(relative(room, file) === "dsl.ts" ? ["../scenario/index.ts"] : []);
    });
  }
});

describe("format detection", () => {
  const samples: Record<string, string> = {
    patroni: "patroni.yml",
    sentinel: "sentinel.conf",
    kubernetes: "postgres-statefulset.yaml",
    haproxy: "haproxy.cfg",
  };

  it("has a shipped sample for every format", () => {
    expect(Object.keys(samples).sort()).toEqual([...formatNames].sort());
  });

  for (const [format, sample] of Object.entries(samples)) {
    it(`recognises ${sample} as ${format}, and as nothing else`, () => {
      const text = sampleText(sample);
      expect(formatNames.filter((name) => formats[name].recognises(text))).toEqual([format]);
      expect(recognisedFormat({ name: sample, text })).toBe(format);
    });
  }
});
