// Entry point of a sweep worker thread when the simulator could not be bundled for it
// (worker-bundle.ts). A worker starts as a fresh JavaScript context without the loaders
// bin/sim.js registered in the main thread, so, exactly like bin/sim.js, it registers the
// TypeScript loader (tsx) and the scenario resolution hooks (`import … from "failover-sim"` from
// any folder) before importing the TypeScript worker module. Plain JavaScript for that reason.
import { register } from "node:module";
import { register as registerTypeScript } from "tsx/esm/api";

registerTypeScript();
register("../../bin/scenario-hooks.js", import.meta.url);
await import("./worker.ts");
