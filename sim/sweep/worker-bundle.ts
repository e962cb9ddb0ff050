// Sweep workers start from one bundled module. A worker thread is a fresh JavaScript context:
// through tsx it would resolve, compile and link the simulator's hundred-odd TypeScript modules
// again (about half a second of CPU per worker, on a loader thread of its own), and on a
// two-core machine that start-up is paid while the other workers wait for a core. Instead the
// main thread has esbuild (the compiler tsx itself uses) bundle the scenario file, the simulator
// and worker-jobs (from the sources, or from dist/) into one ES module, once per sweep, and every
// worker starts from it as a data: URL in about 70 ms. The code is the same source compiled the
// same way, so a run gives the same row (the sweep tests compare against runs through tsx).
// When bundling fails — a scenario that does not compile, or one that reads import.meta (it would
// see a data: URL, not its own path) — the caller falls back to the unbundled worker, and the
// usual errors about the scenario come from loading it in the main thread.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { packageFile, runningCompiled } from "../package-files.ts";
import { bundleScenario } from "../scenario/scenario-bundle.ts";

/** A data: URL of the bundled worker for this scenario file, or null when it cannot be made. */
export async function bundledWorker(file: string): Promise<URL | null> {
  const scenario = resolve(file);
  const jobsModule = fileURLToPath(
    packageFile(runningCompiled() ? "dist/sweep/worker-jobs.js" : "sim/sweep/worker-jobs.ts"),
  );
  // The scenario is imported lazily, so an error in it reaches serveJobs (and the pool) as a
  // failed load rather than as a worker that dies before saying anything.
  const contents = [
    `import { scenarioOf, serveJobs } from ${JSON.stringify(jobsModule)};`,
    `await serveJobs(async (file) => scenarioOf(await import(${JSON.stringify(scenario)}), file));`,
  ].join("\n");
  try {
    const bundle = await bundleScenario({ contents, resolveDir: process.cwd() }, "worker");
    return bundle === null
      ? null
      : new URL(`data:text/javascript;base64,${Buffer.from(bundle.code).toString("base64")}`);
  } catch {
    return null;
  }
}
