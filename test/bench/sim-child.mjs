// `sim` exactly as bin/sim.js starts it (the compiled CLI in dist/, which the benchmark builds
// first when it is stale), plus what the benchmark needs to know about the run, written as JSON
// to the file named by $BENCH_RESULT when the process exits: the CLI's exit code, the engine events the run
// dispatched and the process's peak resident set size (getrusage maxRSS). The event count is
// read, at exit, from the run's Simulation: the first call of Simulation.prototype.next notes the
// instance and puts the original method back, so nothing is paid per event.
// With $BENCH_KINDS=1 (never in a timed run) the wrapper stays, and the result also holds the
// events dispatched per kind ("deliver:ping", "verdict-check:1", …): where a count comes from.
// $BENCH_ROOT names the checkout whose dist/ to run (default: this one), so the same child runs
// a baseline checkout side by side with this one.
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const root = process.env.BENCH_ROOT
  ? pathToFileURL(`${process.env.BENCH_ROOT.replace(/\/$/, "")}/`)
  : new URL("../../", import.meta.url);
// dist/engine/index.js is built as an entry of its own for this: the CLI's chunks share its class.
const { Simulation } = await import(new URL("dist/engine/index.js", root).href);
const simulations = [];
const kinds = process.env.BENCH_KINDS === "1" ? {} : undefined;
const next = Simulation.prototype.next;
Simulation.prototype.next = function (...args) {
  simulations.push(this);
  if (kinds === undefined) {
    Simulation.prototype.next = next;
    return next.apply(this, args);
  }
  Simulation.prototype.next = function (...rest) {
    const event = next.apply(this, rest);
    if (event !== undefined) {
      const key = kindOf(event);
      kinds[key] = (kinds[key] ?? 0) + 1;
    }
    return event;
  };
  return Simulation.prototype.next.apply(this, args);
};

/** An event's kind, with the message type of a delivery and the phase of a two-phase event. */
function kindOf(event) {
  const base = String(event.kind);
  if (event.message?.type !== undefined) return `${base}:${event.message.type}`;
  if (event.phase !== undefined) return `${base}:${event.phase}`;
  return base;
}

const resultFile = process.env.BENCH_RESULT;
process.on("exit", (code) => {
  if (!resultFile) return;
  const { maxRSS } = process.resourceUsage();
  const events = simulations.reduce((sum, simulation) => sum + simulation.eventsProcessed, 0);
  writeFileSync(resultFile, JSON.stringify({ code, events, maxRssKb: maxRSS, kinds }));
});

const { main } = await import(new URL("dist/cli/main.js", root).href);
process.exitCode = await main(process.argv.slice(2));
