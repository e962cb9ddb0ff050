// Loads a scenario file: a module (TypeScript, or JavaScript) whose default export is the
// scenario. The module is imported (scenario-import.ts: compiled by esbuild when it is TypeScript
// and the package runs compiled; vitest compiles TypeScript itself), so a scenario may compute
// its fields. Every failure becomes a ScenarioError that names the file as the user typed it:
// no such file, a syntax or compile error (one line: reason and location, no stack), an error
// thrown while the module runs, or a missing or non-object default export. In a folder of
// scenarios, a module without a default export is a helper the scenarios share, and
// loadScenarioOrHelper says so.
// Node caches imported modules, so loading the same file twice returns the first version.
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { describeValue, ScenarioError } from "../dsl/index.ts";
import { importScenarioModule } from "./scenario-import.ts";
import { isHelperModule, scenarioOf } from "./scenario-module.ts";

export async function loadScenarioFile(path: string): Promise<unknown> {
  return scenarioOf(await importFile(path), path);
}

/** A file found in a folder of scenarios (sim check, sim list): null when it is a helper module
 *  — one without a default export, holding code the scenarios share — rather than a scenario. */
export async function loadScenarioOrHelper(path: string): Promise<unknown | null> {
  const module = await importFile(path);
  return isHelperModule(module) ? null : scenarioOf(module, path);
}

async function importFile(path: string): Promise<Record<string, unknown>> {
  const absolute = resolve(path);
  const exists = await stat(absolute).then(
    (stats) => stats.isFile(),
    () => false,
  );
  if (!exists) {
    throw new ScenarioError({
      file: path,
      field: "",
      expected: "a path to a scenario file",
      got: `no such file (relative to ${process.cwd()})`,
    });
  }
  try {
    return await importScenarioModule(absolute);
  } catch (error) {
    throw new ScenarioError({
      file: path,
      field: "",
      expected: "a module that compiles and runs",
      got: describeLoadFailure(error, absolute),
    });
  }
}

/** One line from a compile or run-time failure: the reason, plus "line L, column C" when known. */
export function describeLoadFailure(error: unknown, absolutePath: string): string {
  if (!(error instanceof Error)) return describeValue(error);
  const compile = compileError(error);
  if (compile !== undefined) return compile;
  const location = runtimeLocation(error, absolutePath);
  return `${error.name}: ${firstLine(error.message)}${location}`;
}

// Two compilers can be behind an import: esbuild (tsx, the CLI) says
// "<file>:<line>:<column>: ERROR: <reason>" with a 0-based column; oxc (vitest 4) says
// "[PARSE_ERROR] <reason>" and, on a later line, "[ <file>:<line>:<column> ]" with a 1-based one.
// Both wrap it in "Transform failed with 1 error:".
function compileError(error: Error): string | undefined {
  const text = error.message.replace(/\x1b\[[0-9;]*m/g, "");
  const esbuild = /:(\d+):(\d+): ERROR: (.*)/.exec(text);
  if (esbuild)
    return `a syntax error: ${esbuild[3]} (line ${esbuild[1]}, column ${Number(esbuild[2]) + 1})`;
  const oxc = /\[([A-Z_]+_ERROR)\]\s*(.+)/.exec(text);
  if (oxc) {
    const location = /\[\s*\S+:(\d+):(\d+)\s*\]/.exec(text);
    const where = location ? ` (line ${location[1]}, column ${location[2]})` : "";
    return `a ${oxc[1] === "PARSE_ERROR" ? "syntax" : "compile"} error: ${oxc[2].trim()}${where}`;
  }
  if (/does not provide an export named/.test(text)) return `an import error: ${firstLine(text)}`;
  if (error.name === "SyntaxError" || /^Transform failed/.test(text))
    return `a syntax error: ${firstLine(text.replace(/^Transform failed[^\n]*\n/, ""))}`;
  return undefined;
}

function runtimeLocation(error: Error, absolutePath: string): string {
  const frame = error.stack?.split("\n").find((line) => line.includes(absolutePath));
  const match = frame && /:(\d+):(\d+)\)?$/.exec(frame);
  return match ? ` (line ${match[1]}, column ${match[2]})` : "";
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.trim() ?? ""
  );
}
