// `npm run build` (also run by `npm ci` and `npm pack` through the prepare script) makes dist/,
// the compiled package, afresh:
// - JavaScript from esbuild: the package entry, the CLI, the sweep worker's two entries and each
//   shipped scenario, bundled with code splitting — modules shared by several entries go into
//   dist/chunks/, so the library, the CLI and the scenarios share one instance of each; the
//   commands' import()s stay lazy (separate chunks); yargs and zod are bundled in and tree-shaken
//   (zod alone is some two hundred module files, all its locales, otherwise), which is most of
//   why `sim --help` starts fast; string-width, which yargs imports, is evaluated at its first
//   call rather than at start-up (stringWidthOnFirstUse, below). Other dependencies stay imports
//   (vega, resvg and fonts are loaded only when a chart is drawn; resvg is native code). Source
//   maps carry the sources.
// - Declarations (.d.ts) from tsc, the compiler that type-checks the code, one per source file:
//   sim/ → dist/, scenarios/ → dist/scenarios/ (compiled against dist/index.d.ts through the
//   package's own exports, as a user's scenario is).
// Then dist/ is stamped with what it was built from (scripts/dist-state.js).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { writeStamp } from "./dist-state.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
/** Bundled into dist/: only what the CLI's start and scenario validation load at once. */
const bundledDependencies = ["yargs", "zod"];

rmSync(path.join(root, "dist"), { recursive: true, force: true });
await bundle();
for (const project of ["tsconfig.build.json", "tsconfig.scenarios.json"]) {
  execFileSync(process.execPath, [tsc, "-p", project], { cwd: root, stdio: "inherit" });
}
await writeStamp(root);

async function bundle() {
  const scenarios = readdirSync(path.join(root, "scenarios")).filter(
    (name) => name.endsWith(".ts") && !name.endsWith(".d.ts"),
  );
  const entryPoints = {
    index: "sim/index.ts",
    "cli/main": "sim/cli/main.ts",
    "sweep/worker": "sim/sweep/worker.ts",
    "sweep/worker-jobs": "sim/sweep/worker-jobs.ts",
    // Not exported by the package: the benchmark counts the events of a run through it.
    "engine/index": "sim/engine/index.ts",
    ...Object.fromEntries(
      scenarios.map((name) => [`scenarios/${name.replace(/\.ts$/, "")}`, `scenarios/${name}`]),
    ),
  };
  const external = [
    "failover-sim",
    ...Object.keys(manifest.dependencies).filter((name) => !bundledDependencies.includes(name)),
  ];
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir: "dist",
    bundle: true,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20",
    external,
    sourcemap: true,
    sourcesContent: true,
    logLevel: "warning",
    plugins: [stringWidthOnFirstUse()],
  });
}

/** yargs measures text with string-width, whose three copies in yargs' tree build an
 *  Intl.Segmenter and Unicode-property regular expressions when their module is evaluated: some
 *  30 ms of ICU data at every start, though only help and error messages measure anything. Each
 *  import of it is bundled instead as a function that evaluates the real module at its first call
 *  (esbuild evaluates a module that is require()d, not imported, when it is first required). */
function stringWidthOnFirstUse() {
  const namespace = "string-width-on-first-use";
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter: /^string-width$/ }, async (args) => {
        if (args.pluginData === namespace) return undefined; // the resolve just below
        const real = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: namespace,
        });
        if (real.errors.length > 0) return { errors: real.errors };
        return { path: path.relative(root, real.path), namespace };
      });
      build.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents: [
          "let real;",
          "export default function stringWidth(text, options) {",
          `  real ??= require(${JSON.stringify(`./${path.basename(args.path)}`)}).default;`,
          "  return real(text, options);",
          "}",
        ].join("\n"),
        loader: "js",
        resolveDir: path.join(root, path.dirname(args.path)),
      }));
    },
  };
}
