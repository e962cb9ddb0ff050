// One run, end to end and pure: a scenario (as loaded, not yet validated) plus options in; the
// resolved world, its metrics, timeline, kept trace events and its expectations judged out. No
// file system, no clock: the same input gives the same result in any process. Overrides (`--set`)
// apply before validation so that errors name them; `seed` replaces the scenario's own. This is
// also the library API (`import { runScenario } from "failover-sim"`), so `file` is optional.
// A scenario's checks see the events of the "changes" level whatever `trace` keeps, so their
// verdict never depends on it. A failure inside the simulation is a SimulatorBugError naming the
// scenario, file, seed and overrides (simulator-bug.ts); an engine limit stays a limit error.
import { perWriteKinds, simulate, type TraceEvent, type WorldConfig } from "../model/index.ts";
import { SimulationLimitError, type RunLimits } from "../engine/index.ts";
import { applyOverrides, isCheck, resolveScenario } from "../scenario/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { evaluateExpectations, type ExpectationOutcome } from "./expectations.ts";
import { SeriesObserver, type RunSeries } from "./series.ts";
import type { GroupRow } from "./groups.ts";
import { SummaryObserver } from "./summary.ts";
import { SimulatorBugError } from "./simulator-bug.ts";
import { TimelineObserver, type TimelineRow } from "./timeline.ts";
import { defaultTraceLevel, keepsEvent, type TraceLevel } from "./trace-level.ts";

export interface RunOptions {
  /** The scenario file as the user named it; used in error messages only. Default: the
   *  scenario's name (or "scenario" when it has none). */
  file?: string;
  /** Replaces the scenario's seed. */
  seed?: number;
  /** `path=value` assignments, applied in order. */
  overrides?: readonly string[];
  /** Which trace events to keep in the result (metrics always see all). Default "changes". */
  trace?: TraceLevel;
  /** Engine limits; the engine's defaults otherwise. */
  limits?: RunLimits;
  /** Sees every trace event as it is emitted, after the metrics (tests digest the whole trace
   *  this way without keeping it). */
  onTrace?: (event: TraceEvent) => void;
  /** Fingerprint the trace (default true). Sweeps keep only the metrics and turn it off, which
   *  saves about a tenth of a run; the result's fingerprint is then empty. */
  fingerprint?: boolean;
}

export interface RunResult {
  name: string;
  summary: string;
  seed: number;
  world: WorldConfig;
  metrics: MetricValues;
  /** What each client group felt (groups.csv), in configuration order. */
  groups: GroupRow[];
  timeline: TimelineRow[];
  /** Bounded per-bucket series, fault periods, promotions and main events, for charts and report.html. */
  series: RunSeries;
  /** The trace events kept at the requested trace level, in trace order. */
  events: TraceEvent[];
  /** 16 hex digits over the whole trace; empty when the run was asked not to fingerprint. */
  fingerprint: string;
  eventsProcessed: number;
  /** Simulated time at which the run ended (duration + drain of in-flight writes). */
  endUs: number;
  /** Every expectation of the scenario judged on this run, in the order written. */
  expectations: ExpectationOutcome[];
  /** One line per expectation the run did not meet; empty when all were met. */
  breaches: string[];
}

/** An event of the "changes" level, to ask a trace level whether it keeps those. */
const changeMarker: TraceEvent = { kind: "run_end", tUs: 0, authority: "" };

export function runScenario(raw: unknown, options: RunOptions = {}): RunResult {
  const { seed, overrides = [], trace = defaultTraceLevel, limits, onTrace, fingerprint = true } = options;
  const file = options.file ?? defaultFileName(raw);
  const overridden = overrides.length > 0 ? applyOverrides(raw, overrides, file) : raw;
  const scenario = resolveScenario(overridden, seed === undefined ? { file } : { file, seed });
  const world = scenario.world;

  const summary = new SummaryObserver(world);
  const timeline = new TimelineObserver(world);
  const series = new SeriesObserver(world);
  const events: TraceEvent[] = [];
  // The sink sees every event of the run, so it decides per kind once: per-write events (most of
  // the trace) never change the timeline and are kept only at trace level "full".
  const keepPerWrite = trace === "full";
  const keepChanges = keepsEvent(trace, changeMarker);
  // What checks see: the "changes" events, kept apart when `trace` keeps something else.
  const checkEvents = trace === "changes" || !scenario.expect.some(isCheck) ? events : [];
  const sink = (event: TraceEvent) => {
    summary.observe(event);
    series.observe(event);
    if (perWriteKinds.has(event.kind)) {
      if (keepPerWrite) events.push(event);
    } else {
      timeline.observe(event);
      if (keepChanges) events.push(event);
      if (checkEvents !== events) checkEvents.push(event);
    }
    if (onTrace) onTrace(event);
  };
  let run: ReturnType<typeof simulate>;
  try {
    run = simulate(world, sink, limits, fingerprint);
  } catch (error) {
    if (error instanceof SimulationLimitError) throw error;
    throw new SimulatorBugError(error, { scenario: scenario.name, file, seed: world.seed, overrides });
  }
  const metrics = summary.values();

  const result: RunResult = {
    name: scenario.name,
    summary: scenario.summary,
    seed: world.seed,
    world,
    metrics,
    groups: summary.groupRows(),
    timeline: timeline.timeline(),
    series: series.series(),
    events,
    fingerprint: run.fingerprint,
    eventsProcessed: run.eventsProcessed,
    endUs: run.endUs,
    expectations: [],
    breaches: [],
  };
  result.expectations = evaluateExpectations(scenario.expect, checkEvents === events ? result : { ...result, events: checkEvents });
  result.breaches = result.expectations.filter((outcome) => !outcome.passed).map((outcome) => outcome.breach);
  return result;
}

/** A name for error messages when the caller gives no file: the scenario's own name. */
export function defaultFileName(raw: unknown): string {
  const name = raw !== null && typeof raw === "object" ? (raw as { name?: unknown }).name : undefined;
  return typeof name === "string" && name.trim() !== "" ? name : "scenario";
}
