// The import graph checked against .dependency-cruiser.mjs — the allowed-imports map, no import
// cycles (type-only imports included), a simulation core without I/O — through
// dependency-cruiser's API, so that `npm run lint:graph` and the tidy test run one check.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { cruise, format, type ICruiseResult, type IViolation } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

/** The project's folder, where the rules live. */
const projectRoot = join(import.meta.dirname, "..", "..");

/** What the graph covers: the source, the example scenarios, the command and the tooling. */
export const graphRoots = ["sim", "scenarios", "bin", "scripts"];

export interface GraphReport {
  readonly violations: readonly IViolation[];
  /** How many of them are import cycles. */
  readonly cycles: number;
  readonly modules: number;
  /** The violations as dependency-cruiser's `err` reporter prints them. */
  readonly text: string;
}

/** Checks the modules under `roots` of `baseDir` (the project, or a test's fixture) against the
 *  project's rules; a tsconfig.json in `baseDir` resolves its path aliases. */
export async function checkGraph(baseDir: string, roots = graphRoots): Promise<GraphReport> {
  const options = await extractDepcruiseOptions(join(projectRoot, ".dependency-cruiser.mjs"));
  const tsConfigFile = join(baseDir, "tsconfig.json");
  const hasTsConfig = existsSync(tsConfigFile);
  const cruised = await cruise(
    roots.filter((root) => existsSync(join(baseDir, root))),
    {
      ...options,
      baseDir,
      tsConfig: hasTsConfig ? { fileName: tsConfigFile } : undefined,
      outputType: "json",
    },
    {},
    { tsConfig: hasTsConfig ? extractTSConfig(tsConfigFile) : undefined },
  );
  const result = JSON.parse(cruised.output as string) as ICruiseResult;
  const violations = result.summary.violations;
  const text = (await format(result, { outputType: "err" })).output as string;
  return {
    violations,
    cycles: violations.filter((violation) => violation.rule.name === "no-cycle").length,
    modules: result.modules.length,
    text,
  };
}
