// One run, end to end and pure: a scenario (as loaded, not yet validated) plus options in; the
// resolved world, its metrics, timeline, kept trace events and unmet expectations out. No file
// system, no clock: the same input gives the same result in any process. Overrides (`--set`)
// apply before validation so that errors name them; `seed` replaces the scenario's own.
import { perWriteKinds, simulate, type TraceEvent, type WorldConfig } from "../model/index.ts";
import type { RunLimits } from "../engine/index.ts";
import { applyOverrides, resolveScenario } from "../scenario/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { breachesOf } from "./expectations.ts";
import { SeriesObserver, type RunSeries } from "./series.ts";
import { SummaryObserver } from "./summary.ts";
import { TimelineObserver, type TimelineRow } from "./timeline.ts";
import { defaultTraceLevel, keepsEvent, type TraceLevel } from "./trace-level.ts";

export interface RunOptions {
  /** The scenario file as the user named it; used in error messages only. */
  file: string;
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
}

export interface RunResult {
  name: string;
  summary: string;
  seed: number;
  world: WorldConfig;
  metrics: MetricValues;
  timeline: TimelineRow[];
  /** Bounded per-bucket series, fault periods, promotions and main events, for charts and report.html. */
  series: RunSeries;
  /** The trace events kept at the requested trace level, in trace order. */
  events: TraceEvent[];
  fingerprint: string;
  eventsProcessed: number;
  /** Simulated time at which the run ended (duration + drain of in-flight writes). */
  endUs: number;
  /** One line per expectation the run did not meet; empty when all were met. */
  breaches: string[];
}

/** An event of the "changes" level, to ask a trace level whether it keeps those. */
const changeMarker: TraceEvent = { kind: "run_end", tUs: 0, authority: "" };

export function runScenario(raw: unknown, options: RunOptions): RunResult {
  const { file, seed, overrides = [], trace = defaultTraceLevel, limits, onTrace } = options;
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
  const run = simulate(
    world,
    (event) => {
      summary.observe(event);
      series.observe(event);
      if (perWriteKinds.has(event.kind)) {
        if (keepPerWrite) events.push(event);
      } else {
        timeline.observe(event);
        if (keepChanges) events.push(event);
      }
      if (onTrace) onTrace(event);
    },
    limits,
  );
  const metrics = summary.values();

  return {
    name: scenario.name,
    summary: scenario.summary,
    seed: world.seed,
    world,
    metrics,
    timeline: timeline.timeline(),
    series: series.series(),
    events,
    fingerprint: run.fingerprint,
    eventsProcessed: run.eventsProcessed,
    endUs: run.endUs,
    breaches: breachesOf(scenario.expect, metrics),
  };
}
