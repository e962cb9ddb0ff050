// Tidiness rules that keep runs deterministic and layers honest (docs/DESIGN.md#the-layering-rule):
// no clocks, timers, Math.random or async in the simulation core, and imports only point down
// the layers engine ◄ dsl ◄ model ◄ scenario ◄ metrics ◄ run ◄ report ◄ sweep ◄ check ◄ fuzz ◄ cli.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const layers = [
  "engine",
  "dsl",
  "model",
  "scenario",
  "metrics",
  "run",
  "report",
  "sweep",
  "check",
  "fuzz",
  "cli",
] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** Source text without comments, so a comment may mention what the code must not use. */
function code(path: string): string {
  return readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

const banned: [RegExp, string][] = [
  [/\bMath\.random\b/, "Math.random"],
  [/\bDate\.now\b/, "Date.now"],
  [/\bnew Date\b/, "new Date"],
  [/\bperformance\.now\b/, "performance.now"],
  [/\bprocess\.hrtime\b/, "process.hrtime"],
  [/\bset(Timeout|Interval|Immediate)\b/, "timers"],
  [/\bqueueMicrotask\b/, "queueMicrotask"],
  [/\basync\b/, "async"],
  [/\bawait\b/, "await"],
  [/\bfrom\s+["']node:(fs|child_process|worker_threads|net|http)/, "I/O modules"],
];

/** Code without string literals either: `mode: "async"` names a replication mode, not a function. */
function codeOnly(path: string): string {
  return code(path).replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
}

describe("the simulation core is deterministic", () => {
  for (const layer of ["engine", "dsl", "model"]) {
    for (const file of sourceFiles(join(root, "sim", layer))) {
      it(`${relative(root, file)} uses no clock, timer, unseeded randomness, async or I/O`, () => {
        const text = codeOnly(file);
        const found = banned.filter(([pattern]) => pattern.test(text)).map(([, name]) => name);
        expect(found).toEqual([]);
      });
    }
  }

  it("the rule itself catches a violation", () => {
    const text = "const x = Math.random(); async function f() {}";
    expect(banned.filter(([pattern]) => pattern.test(text)).map(([, name]) => name)).toEqual([
      "Math.random",
      "async",
    ]);
  });
});

describe("imports point one way", () => {
  const layerOf = (path: string) => layers.findIndex((layer) => path.includes(`/sim/${layer}/`));
  for (const layer of layers) {
    for (const file of sourceFiles(join(root, "sim", layer))) {
      it(`${relative(root, file)} imports no layer above ${layer}`, () => {
        const own = layerOf(file);
        const imports = [...code(file).matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)].map(
          (m) => m[1],
        );
        const upward = imports.filter((spec) => layerOf(join(file, "..", spec)) > own);
        expect(upward).toEqual([]);
      });
    }
  }
});
