// A scenario file bundled by esbuild (the compiler tsx uses) into one ES module, as code to
// import from a data: URL. Two uses:
// - "scenario": the compiled package imports a TypeScript scenario this way, in the main thread:
//   the file and its own relative imports (helper modules, another scenario) compiled together,
//   every package it imports left as an import of that package's file, "failover-sim" as the
//   package running now. No module hooks and no loader thread (on Node 20 those cost about a
//   fifth of a second of start-up). Its source map (sources as absolute paths) lets the caller
//   point an error the scenario throws at the file's own line and column: Node does not apply
//   source maps to data: URLs itself.
// - "worker": a sweep worker's code, the simulator and the scenario in one module
//   (sweep/worker-bundle.ts), "failover-sim" bundled in too.
// Returns null when the code reads import.meta — it would see the data: URL, not its own file —
// so the caller loads the file another way; a compile error is thrown (esbuild's message says
// "<file>:<line>:<column>: ERROR: <reason>").
import { createRequire } from "node:module";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";
import { packageEntry } from "../package-files.ts";

export type BundleInput = { file: string } | { contents: string; resolveDir: string };

export interface Bundle {
  code: string;
  /** The source map (JSON), for mode "scenario". */
  map: string | undefined;
}

export async function bundleScenario(
  input: BundleInput,
  mode: "scenario" | "worker",
): Promise<Bundle | null> {
  // Required, not imported: esbuild is CommonJS, and Node 20's import() of it lexes and wraps
  // the module for ESM, which made esbuild two to three times slower to load and its first build
  // slower too (15–21 ms vs 38–55 ms to load, in separate processes).
  const { build } = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
  const outfile = resolve("scenario-bundle.js");
  const result = await build({
    ...("file" in input
      ? { entryPoints: [input.file] }
      : {
          stdin: {
            contents: input.contents,
            resolveDir: input.resolveDir,
            loader: "ts",
            sourcefile: "sweep-worker.ts",
          },
        }),
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
    sourcemap: mode === "scenario" ? "external" : false,
    plugins: [mode === "scenario" ? packagesStayImports : failoverSimBundled],
  });
  const code = result.outputFiles.find((output) => output.path === outfile)!.text;
  if (code.includes("import.meta")) return null;
  const map = result.outputFiles.find((output) => output.path === `${outfile}.map`);
  return { code, map: map === undefined ? undefined : absoluteSources(map.text, outfile) };
}

/** Bare imports (packages) stay imports, of the file Node would load; "failover-sim" is this
 *  package. */
const packagesStayImports: Plugin = {
  name: "packages-stay-imports",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === "resolving") return undefined;
      if (args.path === "failover-sim") return { path: packageEntry().href, external: true };
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const found = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: "resolving",
      });
      if (found.errors.length > 0 || found.external || !isAbsolute(found.path))
        return { path: args.path, external: true };
      return { path: pathToFileURL(found.path).href, external: true };
    });
  },
};

/** "failover-sim" is bundled in from this package's entry. */
const failoverSimBundled: Plugin = {
  name: "failover-sim-bundled",
  setup(build) {
    build.onResolve({ filter: /^failover-sim$/ }, () => ({ path: fileURLToPath(packageEntry()) }));
  },
};

/** The source map with every source as an absolute path (they are relative to the output). */
function absoluteSources(mapText: string, outfile: string): string {
  const map = JSON.parse(mapText) as { sources: string[] };
  map.sources = map.sources.map((source) => resolve(dirname(outfile), source));
  return JSON.stringify(map);
}
