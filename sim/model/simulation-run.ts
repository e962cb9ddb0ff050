// Running the world (world.ts) for a caller: to its end at once (simulate), or in steps
// (startSimulation) for a caller that must stay responsive between them — the CLI answers Ctrl-C —
// with the same events in the same order however the steps are cut.
import { defaultRunLimits, type RunLimits } from "../engine/index.ts";
import { Fingerprint } from "./fingerprint.ts";
import { TraceOut } from "./trace-out.ts";
import { writeEvents, type TraceSink, type WriteTrace } from "./trace.ts";
import { World, type SimulationSummary } from "./world.ts";

export type { SimulationSummary };
import type { WorldConfig } from "./world-config.ts";

/** Runs the world to its end, handing every trace event to `sink`. `fingerprinted` false skips
 *  the trace fingerprint (about a tenth of a busy run's time) for callers that keep only
 *  metrics. With `writes`, the per-write events of WriteTrace go to it as values instead of to
 *  `sink` as events (trace-out.ts). */
export function simulate(
  config: WorldConfig,
  sink: TraceSink,
  limits: RunLimits = defaultRunLimits,
  fingerprinted = true,
  writes: WriteTrace | null = null,
): SimulationSummary {
  const run = startSimulation(config, sink, limits, fingerprinted, writes);
  run.advance(Infinity);
  return run.summary();
}

/** A run taken in steps, for a caller that must stay responsive between them (the CLI answers
 *  Ctrl-C): the same events in the same order as simulate(), however the steps are cut. */
export interface SimulationRun {
  /** Runs at most `maxEvents` more events; true once the run is over (and settled). */
  advance(maxEvents: number): boolean;
  /** Only once advance() said the run is over. */
  summary(): SimulationSummary;
}

export function startSimulation(
  config: WorldConfig,
  sink: TraceSink,
  limits: RunLimits = defaultRunLimits,
  fingerprinted = true,
  writes: WriteTrace | null = null,
): SimulationRun {
  const fingerprint = fingerprinted ? new Fingerprint() : null;
  const trace = new TraceOut(sink, fingerprint, writes ?? writeEvents(sink));
  const world = new World(config, trace, limits);
  const endUs = world.start();
  let over = false;
  return {
    advance: (maxEvents) => (over ||= world.advance(endUs, maxEvents)),
    summary: () => {
      if (!over) throw new Error("the run is not over");
      return world.summary(endUs);
    },
  };
}
