// `sim` exactly as bin/sim.js starts it (the compiled CLI in dist/, which the benchmark builds
// first when it is stale), plus what the benchmark needs to know about the run, written as JSON
// to the file named by $BENCH_RESULT when the process exits: the CLI's exit code, the engine events the run
// dispatched and the process's peak resident set size (getrusage maxRSS). The event count is
// read, at exit, from the run's Simulation: the first call of Simulation.prototype.next notes the
// instance and puts the original method back, so nothing is paid per event.
import { writeFileSync } from "node:fs";

// dist/engine/index.js is built as an entry of its own for this: the CLI's chunks share its class.
const { Simulation } = await import("../../dist/engine/index.js");
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

const { main } = await import("../../dist/cli/main.js");
process.exitCode = await main(process.argv.slice(2));
