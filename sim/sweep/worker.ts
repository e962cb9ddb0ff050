// The body of a sweep worker thread when the simulator could not be bundled for it
// (worker-bundle.ts): the scenario file is imported as in the main thread (loadScenarioFile),
// through tsx when it is TypeScript. Started through worker-entry.js from the sources.
import { loadScenarioFile } from "../scenario/index.ts";
import { serveJobs } from "./worker-jobs.ts";

await serveJobs(loadScenarioFile);
