// What a scenario file's module holds: its default export is the scenario; a module without one
// is a helper (code that scenarios share). Apart from loading (load.ts) so that the sweep's
// bundled worker can take it without the loader's module hooks.
import { describeValue, ScenarioError } from "../dsl/index.ts";

export function isHelperModule(module: Readonly<Record<string, unknown>>): boolean {
  return !("default" in module) || module.default === undefined;
}

/** The scenario a loaded module exports by default; `path` is the file as the user named it.
 *  (Sweep workers get the module already imported, bundled with the simulator.) */
export function scenarioOf(module: Readonly<Record<string, unknown>>, path: string): unknown {
  if (isHelperModule(module)) {
    throw new ScenarioError({
      file: path,
      field: "default export",
      expected: "export default defineScenario({ ... })",
      got: "no default export",
    });
  }
  const scenario = module.default;
  if (scenario === null || typeof scenario !== "object" || Array.isArray(scenario)) {
    throw new ScenarioError({
      file: path,
      field: "default export",
      expected: "a scenario object made with defineScenario({ ... })",
      got: describeValue(scenario),
    });
  }
  return scenario;
}
