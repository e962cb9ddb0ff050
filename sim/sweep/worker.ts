// The body of a sweep worker thread started through worker-entry.js, when the simulator could
// not be bundled for it (worker-bundle.ts): the scenario file is imported through tsx, as in
// the main thread.
import { loadScenarioFile } from "../scenario/index.ts";
import { serveJobs } from "./worker-jobs.ts";

await serveJobs(loadScenarioFile);
