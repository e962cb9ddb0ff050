// Loading real scenario files. The broken file is written to a temporary folder at test time,
// so that `tsc --noEmit` over test/ does not trip on its deliberate syntax error. Syntax errors
// are checked both under vitest (oxc compiles) and under tsx (esbuild compiles, as in the CLI).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenarioFile, resolveScenario, ScenarioError } from "../../sim/scenario/index.ts";

const fixtures = relative(process.cwd(), join(import.meta.dirname, "..", "fixtures"));

async function loadError(path: string): Promise<ScenarioError> {
  const error = await loadScenarioFile(path).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ScenarioError);
  return error as ScenarioError;
}

/** A scenario with a doubled comma on line 4, column 18, in a fresh ESM folder outside the project. */
function brokenScenario(): string {
  const dir = mkdtempSync(join(tmpdir(), "failover-sim-"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
  const path = join(dir, "syntax-error.ts");
  writeFileSync(
    path,
    'const duration = "1m";\n\nexport default {\n  name: "broken",,\n  duration,\n};\n',
  );
  return path;
}

function syntaxErrorMessage(path: string): RegExp {
  const file = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `^${file}: expected a module that compiles and runs, got a syntax error: [^\\n]+ \\(line 4, column 18\\)\\.$`,
  );
}

describe("loadScenarioFile", () => {
  it("loads a scenario that imports the DSL from failover-sim", async () => {
    const path = join(fixtures, "valid-scenario.ts");
    const scenario = await loadScenarioFile(path);
    const resolved = resolveScenario(scenario, { file: path });
    expect(resolved.name).toBe("fixture-valid");
    expect(resolved.world.faults.map((entry) => entry.fault.kind)).toEqual(["partition", "heal"]);
  });

  it("names a missing file as typed", async () => {
    const error = await loadError("scenarios/does-not-exist.ts");
    expect(error.message).toMatch(
      /^scenarios\/does-not-exist\.ts: expected a path to a scenario file, got no such file \(relative to .+\)\.$/,
    );
  });

  it("a directory is not a scenario file", async () => {
    expect((await loadError(fixtures)).message).toContain("no such file");
  });

  it("reports a syntax error in one line, with the reason and the location", async () => {
    const path = brokenScenario();
    const error = await loadError(path);
    expect(error.message).toMatch(syntaxErrorMessage(path));
  });

  it("reports a syntax error the same way when tsx compiles (as in the CLI)", () => {
    const path = brokenScenario();
    const load = join(import.meta.dirname, "..", "..", "sim", "scenario", "load.ts");
    const script = `
      import { register } from "tsx/esm/api";
      register();
      const { loadScenarioFile } = await import(${JSON.stringify(load)});
      await loadScenarioFile(${JSON.stringify(path)}).catch((error) => console.log(error.message));`;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(output.trim()).toMatch(syntaxErrorMessage(path));
  });

  it("reports an error thrown while the module runs", async () => {
    const error = await loadError(join(fixtures, "throwing-scenario.ts"));
    expect(error.message).toContain("got Error: the scenario computed something impossible (line");
    expect(error.message).not.toContain("\n");
  });

  it("requires a default export", async () => {
    const path = join(fixtures, "no-default-scenario.ts");
    const error = await loadError(path);
    expect(error.message).toBe(
      `${path}: default export: expected export default defineScenario({ ... }), got no default export.`,
    );
  });

  it("requires the default export to be an object", async () => {
    const path = join(fixtures, "string-default-scenario.ts");
    expect((await loadError(path)).message).toBe(
      `${path}: default export: expected a scenario object made with defineScenario({ ... }), got "split-brain".`,
    );
  });
});
