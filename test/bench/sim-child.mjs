// `sim` exactly as bin/sim.js starts it (TypeScript loader, scenario hooks, then the CLI's main),
// plus what the benchmark needs to know about the run, written as JSON to the file named by
// $BENCH_RESULT when the process exits: the CLI's exit code, the engine events the run
// dispatched and the process's peak resident set size (getrusage maxRSS). The event count is
// read, at exit, from the run's Simulation: the first call of Simulation.prototype.next notes the
// instance and puts the original method back, so nothing is paid per event.
import { writeFileSync } from "node:fs";
import { register } from "node:module";
import { register as registerTypeScript } from "tsx/esm/api";

registerTypeScript();
register("../../bin/scenario-hooks.js", import.meta.url);

const { Simulation } = await import("../../sim/engine/simulation.ts");
const simulations = [];
const next = Simulation.prototype.next;
Simulation.prototype.next = function (...args) {
  simulations.push(this);
  Simulation.prototype.next = next;
  return next.apply(this, args);
};

const resultFile = process.env.BENCH_RESULT;
process.on("exit", (code) => {
  if (!resultFile) return;
  const { maxRSS } = process.resourceUsage();
  const events = simulations.reduce((sum, simulation) => sum + simulation.eventsProcessed, 0);
  writeFileSync(resultFile, JSON.stringify({ code, events, maxRssKb: maxRSS }));
});

const { main } = await import("../../sim/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
