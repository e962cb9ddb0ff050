// One run with some of its layers switched off, timed in this process: where a busy run's time
// goes (layers-section.ts). A run is the model (the world and the engine) plus two layers that see
// every trace event it emits: the observers (metrics, timeline, chart series: RunObservers, as
// `sim run --trace changes` has them) and the trace fingerprint. The modes:
//   model        neither layer: every trace event goes to a sink that does nothing, and the
//                per-write values (WriteTrace) to methods that do nothing;
//   fingerprint  the model and the fingerprint;
//   observers    the model and the observers;
//   all          both, as `sim run` does.
// The events, their order and the fingerprint are the same in every mode (the layers only read
// the trace); only the CPU time of the run itself is measured, scenario loading excluded.
import { startSimulation, type WriteTrace } from "../../sim/model/index.ts";
import { prepareRun } from "../../sim/run/prepare-run.ts";
import { RunObservers } from "../../sim/run/run-observers.ts";
import { withDefaults } from "../../sim/scenario/limits.ts";
import type { MetricValues } from "../../sim/scenario/metric-names.ts";

export const layerModes = ["model", "fingerprint", "observers", "all"] as const;
export type LayerMode = (typeof layerModes)[number];

export interface LayerRun {
  mode: LayerMode;
  /** CPU seconds (user + system) of the run, from its first event to its end. */
  cpuS: number;
  events: number;
  /** Empty when the mode has no fingerprint. */
  fingerprint: string;
  /** The observers' metrics; null when the mode has no observers. */
  metrics: MetricValues | null;
}

/** The busy day's 300 M events are above the default event limit (as the CLI rows pass
 *  --max-events 2e9). */
const limits = withDefaults({ maxEvents: 2e9 });

const ignoredWrites: WriteTrace = {
  writeIssued: () => {},
  writeAccepted: () => {},
  writeAcked: () => {},
  replicated: () => {},
};

export function runLayers(raw: unknown, mode: LayerMode, file = "scenario.ts"): LayerRun {
  const scenario = prepareRun(raw, { file, trace: "changes", limits });
  const observed = mode === "observers" || mode === "all";
  const observers = observed ? new RunObservers(scenario.world, "changes", false, undefined) : null;
  const sink = observers === null ? () => {} : observers.observe.bind(observers);
  // The per-write events go to the observers as values, as in `sim run`; without observers,
  // nowhere.
  const writes = observers ?? ignoredWrites;
  const fingerprinted = mode === "fingerprint" || mode === "all";
  const start = process.cpuUsage();
  const run = startSimulation(
    scenario.world,
    sink,
    { maxEvents: limits.maxEvents, maxPending: limits.maxPending },
    fingerprinted,
    writes,
  );
  run.advance(Infinity);
  const used = process.cpuUsage(start);
  const summary = run.summary();
  return {
    mode,
    cpuS: (used.user + used.system) / 1e6,
    events: summary.eventsProcessed,
    fingerprint: summary.fingerprint,
    metrics: observers === null ? null : observers.read().metrics,
  };
}
