// Entry point of a sweep worker thread, running the TypeScript sources, when the simulator could
// not be bundled for it (worker-bundle.ts); the compiled package starts such a worker from
// worker.js instead. A worker starts as a fresh JavaScript context without the loaders
// bin/sim.js registered in the main thread, so, exactly like bin/sim.js, it registers the
// TypeScript loader (tsx) and the scenario resolution hooks (`import … from "failover-sim"` from
// any folder) before importing the TypeScript worker module. Plain JavaScript for that reason.
import { register } from "node:module";
import { register as registerTypeScript } from "tsx/esm/api";

registerTypeScript();
register("../../bin/scenario-hooks.js", import.meta.url, {
  data: { entry: new URL("../index.ts", import.meta.url).href },
});
await import("./worker.ts");
