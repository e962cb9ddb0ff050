// One run, end to end and pure: a scenario (as loaded, not yet validated) plus options in; the
// resolved world, its metrics, timeline, kept trace events and its expectations judged out. No
// file system, no clock: the same input gives the same result in any process. This is also the
// library API (`import { runScenario } from "failover-sim"`), so `file` is optional.
// The scenario is first resolved and held against the limits (prepare-run.ts); beyond one, the
// run does not start. A scenario's checks see the events of the "changes" level whatever `trace`
// keeps, so their verdict never depends on it. startRun() gives the same run in steps, for a
// caller that must stay responsive between them (the CLI). A failure inside the simulation is a
// SimulatorBugError naming the scenario, file, seed and overrides (simulator-bug.ts); a limit
// reached stays a limit error.
import { SimulationLimitError } from "../engine/index.ts";
import { startSimulation, type TraceEvent, type WorldConfig } from "../model/index.ts";
import type { GroupRow, RunSeries, TimelineRow } from "../metrics/index.ts";
import { isCheck, withDefaults, type Teaching } from "../scenario/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { evaluateExpectations, type ExpectationOutcome } from "./expectations.ts";
import { defaultFileName, prepareRun, type PrepareOptions } from "./prepare-run.ts";
import { RunObservers } from "./run-observers.ts";
import { SimulatorBugError } from "./simulator-bug.ts";
import { defaultTraceLevel } from "./trace-level.ts";

export interface RunOptions extends PrepareOptions {
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
  /** Story, lesson, questions and the key figures report.html leads with. */
  teaching: Teaching;
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

export function runScenario(raw: unknown, options: RunOptions = {}): RunResult {
  const run = startRun(raw, options);
  run.advance(Infinity);
  return run.result();
}

/** A run taken in steps (see SimulationRun): the scenario is resolved and checked at once. */
export interface ScenarioRun {
  /** The scenario's name, known before the run. */
  name: string;
  /** Runs at most `maxEvents` more events; true once the run is over. */
  advance(maxEvents: number): boolean;
  /** The result, once advance() said the run is over. */
  result(): RunResult;
}

export function startRun(raw: unknown, options: RunOptions = {}): ScenarioRun {
  const { trace = defaultTraceLevel, onTrace, fingerprint = true } = options;
  const limits = withDefaults(options.limits);
  const scenario = prepareRun(raw, options);
  const world = scenario.world;
  const observers = new RunObservers(world, trace, scenario.expect.some(isCheck), onTrace);
  const simulation = startSimulation(
    world,
    (event) => observers.observe(event),
    { maxEvents: limits.maxEvents, maxPending: limits.maxPending },
    fingerprint,
    observers,
  );
  const finish = (): RunResult => {
    const run = simulation.summary();
    const result: RunResult = {
      name: scenario.name,
      summary: scenario.summary,
      teaching: scenario.teaching,
      seed: world.seed,
      world,
      ...observers.read(),
      fingerprint: run.fingerprint,
      eventsProcessed: run.eventsProcessed,
      endUs: run.endUs,
      expectations: [],
      breaches: [],
    };
    result.expectations = evaluateExpectations(scenario.expect, observers.forChecks(result));
    result.breaches = result.expectations
      .filter((outcome) => !outcome.passed)
      .map((outcome) => outcome.breach);
    return result;
  };
  let result: RunResult | undefined;
  return {
    name: scenario.name,
    advance: (maxEvents) => {
      try {
        return simulation.advance(maxEvents);
      } catch (error) {
        if (error instanceof SimulationLimitError) throw error;
        const file = options.file ?? defaultFileName(raw);
        throw new SimulatorBugError(error, {
          scenario: scenario.name,
          file,
          seed: world.seed,
          overrides: options.overrides ?? [],
        });
      }
    },
    result: () => (result ??= finish()),
  };
}
