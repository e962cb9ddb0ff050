// How a scenario file's module is imported. When this code runs as TypeScript (vitest, or
// bin/sim.js running the sources through tsx), a TypeScript loader and the module hooks are
// already in place: a plain import(). The compiled package (dist/) instead
// - bundles a TypeScript file (.ts, .mts, .cts, .tsx) with esbuild (scenario-bundle.ts) and
//   imports the result; a file that reads import.meta goes through tsx instead, registered then;
// - imports a JavaScript file as it is, registering the module hooks of bin/scenario-hooks.js
//   first only when "failover-sim" would not resolve, from the file's folder, to this package.
// `sim --help`, and listing or running .js/.mjs scenarios, never load a TypeScript compiler.
import {
  createRequire,
  register,
  SourceMap,
  type SourceMapping,
  type SourceMapPayload,
} from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { packageEntry, packageFile, runningCompiled } from "../package-files.ts";
import { bundleScenario, type Bundle } from "./scenario-bundle.ts";

const typeScriptFile = /\.(c|m)?tsx?$/;
let hooksRegistered = false;
let typeScriptRegistered = false;
/** Bundles started ahead of their import (prefetchScenario), each taken once. */
const prefetched = new Map<string, Promise<Bundle | null>>();

/** Starts compiling a TypeScript scenario file in esbuild's own process, for a caller that
 *  imports it soon and has other modules to load meanwhile (the command line). Does nothing
 *  where the import would not bundle it. A failure waits for the import to report it. */
export function prefetchScenario(absolute: string): void {
  if (!runningCompiled() || !typeScriptFile.test(absolute) || prefetched.has(absolute)) return;
  const bundle = bundleScenario({ file: absolute }, "scenario");
  bundle.catch(() => undefined); // reported by importScenarioModule, which awaits it
  prefetched.set(absolute, bundle);
}

export async function importScenarioModule(absolute: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(absolute).href;
  if (!runningCompiled()) return (await import(url)) as Record<string, unknown>;
  if (typeScriptFile.test(absolute)) {
    const early = prefetched.get(absolute);
    prefetched.delete(absolute);
    const bundle = await (early ?? bundleScenario({ file: absolute }, "scenario"));
    if (bundle !== null) return importBundle(bundle);
    await registerTypeScript();
    registerHooks();
  } else if (!resolvesHere(absolute)) {
    registerHooks();
  }
  return (await import(url)) as Record<string, unknown>;
}

async function importBundle({ code, map }: Bundle): Promise<Record<string, unknown>> {
  const url = `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof Error && error.stack !== undefined && map !== undefined)
      error.stack = originalFrames(error.stack, url, map);
    throw error;
  }
}

/** The stack with each position in the bundle (`<url>:<line>:<column>`) turned back into the
 *  source file's own, through the bundle's source map. */
function originalFrames(stack: string, url: string, map: string): string {
  const sourceMap = new SourceMap(JSON.parse(map) as SourceMapPayload);
  return stack.split(`${url}:`).reduce((text, piece) => {
    const position = /^(\d+):(\d+)/.exec(piece);
    const entry: Partial<SourceMapping> = position
      ? sourceMap.findEntry(Number(position[1]) - 1, Number(position[2]) - 1)
      : {};
    if (
      position === null ||
      entry.originalSource === undefined ||
      entry.originalLine === undefined ||
      entry.originalColumn === undefined
    )
      return `${text}${url}:${piece}`;
    return `${text}${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}${piece.slice(position[0].length)}`;
  });
}

/** Whether `import … from "failover-sim"` in this file would load the package running now. */
function resolvesHere(absolute: string): boolean {
  try {
    return createRequire(absolute).resolve("failover-sim") === fileURLToPath(packageEntry());
  } catch {
    return false;
  }
}

async function registerTypeScript(): Promise<void> {
  if (typeScriptRegistered) return;
  const { register: registerTsx } = await import("tsx/esm/api");
  registerTsx();
  typeScriptRegistered = true;
}

function registerHooks(): void {
  if (hooksRegistered) return;
  register(packageFile("bin/scenario-hooks.js"), { data: { entry: packageEntry().href } });
  hooksRegistered = true;
}
