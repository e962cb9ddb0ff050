// What the command line loads before a command runs: the modules `sim/cli/main.ts` imports
// statically, and theirs. Each command loads the rest when it runs (docs/performance.md,
// start-up), so `sim --help` and the start of every command stay fast; a barrel import (say,
// "../dsl/index.ts" for one function) easily brings a heavy module back unseen. The graph is
// esbuild's (the build's own bundler), read from its metafile. And what the built CLI evaluates
// as it starts: no text measurement (string-width's ICU set-up) for a run, only for help.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..", "..");

/** Every source file the CLI's entry reaches through static imports (dynamic ones not followed),
 *  and every package, as "package:<name>". */
async function staticClosure(): Promise<string[]> {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: ["sim/cli/main.ts"],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    outdir: "unused",
    write: false,
    metafile: true,
    packages: "external",
    logLevel: "silent",
  });
  const reached = new Set<string>();
  const visit = (input: string) => {
    if (reached.has(input)) return;
    reached.add(input);
    for (const { path: next, kind, external } of metafile.inputs[input]?.imports ?? []) {
      if (kind !== "import-statement") continue;
      if (external) reached.add(`package:${next}`);
      else visit(next);
    }
  };
  visit("sim/cli/main.ts");
  return [...reached];
}

describe("the command line's start-up", () => {
  // The trace's kinds (model/trace.ts: types and one list) are all it takes of the model.
  it("loads neither zod, nor the model, the metrics or the charting libraries", async () => {
    const loaded = await staticClosure();
    expect(loaded).toContain("sim/cli/run-command.ts"); // the walk saw the commands
    expect(loaded).toContain("package:yargs"); // and the packages
    const heavy = loaded.filter((input) =>
      /^package:(zod|vega|vega-lite|@resvg|seedrandom|fast-csv)|^sim\/(model\/(?!trace\.ts$)|metrics\/|run\/run-|report\/charts\/)/.test(
        input,
      ),
    );
    expect(heavy).toEqual([]);
  });
});

/** `node bin/sim.js <args>` with Intl.Segmenter counted: how many the process built. */
function segmentersBuilt(...args: string[]): { code: number | null; built: number } {
  const counter = [
    "const Original = Intl.Segmenter; let built = 0;",
    "Intl.Segmenter = class extends Original { constructor(...a) { super(...a); built++; } };",
    'process.on("exit", () => process.stderr.write(`segmenters built: ${built}\\n`));',
  ].join("\n");
  const result = spawnSync(
    process.execPath,
    ["--import", `data:text/javascript,${encodeURIComponent(counter)}`, "bin/sim.js", ...args],
    { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );
  const built = /segmenters built: (\d+)/.exec(result.stderr);
  if (built === null) throw new Error(`no count in:\n${result.stderr}`);
  return { code: result.status, built: Number(built[1]) };
}

describe("text measurement at start-up", () => {
  // yargs measures text with string-width, whose modules build Intl.Segmenters (and Unicode
  // regular expressions) when evaluated: ICU data, some 30 ms. The build (scripts/build.js)
  // evaluates them at the first measurement, which only help and error messages need.
  it("builds no Intl.Segmenter for a run, and help still measures its text", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "sim-startup-"));
    try {
      const run = segmentersBuilt(
        "run",
        "test/cli/scenarios/small-crash.ts",
        "--no-charts",
        "--out",
        out,
      );
      expect(run).toEqual({ code: 0, built: 0 });
      const help = segmentersBuilt("--help");
      expect(help.code).toBe(0);
      expect(help.built).toBeGreaterThan(0);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
