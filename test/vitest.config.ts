// Vitest configuration. The project root is the folder above this one; scenario files import
// the package by its own name, which resolves to the public entry point's source. Tests that
// start `sim` as a process run dist/, which global-setup.ts rebuilds first when it is stale.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  resolve: {
    alias: { "failover-sim": fileURLToPath(new URL("../sim/index.ts", import.meta.url)) },
  },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Two test files at once, even on two cores (vitest's default there is one): many files
    // spend much of their time in child processes or waiting on them, and every file works in a
    // temporary folder of its own. Files share a worker's module instances instead of loading the
    // simulator afresh for each (isolate: false saves most of vitest's import time): the
    // simulator keeps no state between runs but caches, and the tests mock nothing.
    maxWorkers: 2,
    isolate: false,
    testTimeout: 60_000,
    // Set-up hooks render whole reports (charts through vega and resvg): on a loaded machine that
    // outlasts the default 10 s, as a test may.
    hookTimeout: 60_000,
  },
});
