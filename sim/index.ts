// The public package entry ("failover-sim"): what scenario files and library users import.
// Scenario files need only the DSL: `import { defineScenario, at, crash, partition, heal } from "failover-sim"`,
// plus `presets` for a policy modelled on a real system (`policy: presets.patroni()`).

// --- Scenario DSL (sim/scenario) --------------------------------------------------------------
export { at, chaos, presets } from "./scenario/index.ts";
// Every fault kind's builders (crash(), partition(), clockSkew(), …) and DSL types, from the
// fault registry: a new kind's builders are public the day it is registered.
export * from "./model/faults/index.ts";
// Latency distributions, for a link's latency, a delay() fault's extra delay or a slow() node:
// `latency: lognormal("2ms", 0.5)`. Each returns plain data, as `--set` takes it in JSON.
export { exponential, lognormal, mixture, pareto } from "./model/latency/index.ts";
export type {
  ExponentialSpec,
  LatencyText,
  LognormalSpec,
  MixtureSpec,
  ParetoSpec,
} from "./model/latency/index.ts";
export type {
  ClientSpec,
  DetectorSpec,
  Duration,
  ExpectBound,
  FailoverSpec,
  LinkKey,
  LinkSettings,
  LoadBalancerSpec,
  MetricName,
  NetworkSpec,
  NodeSpec,
  PolicyOverrides,
  PolicySpec,
  PolicyStandbySpec,
  PresetName,
  Rate,
  ReplicationSpec,
  ScheduledFaultSpec,
} from "./scenario/index.ts";

// --- Typed by what a run returns: a scenario's `expect.checks` receive runScenario's result ---
import type { RunResult } from "./run/index.ts";
import { defineScenario as defineScenarioOf } from "./scenario/index.ts";
import type {
  ExpectCheck as ExpectCheckOf,
  ExpectSpec as ExpectSpecOf,
  Scenario as ScenarioOf,
} from "./scenario/index.ts";

/** A scenario file's default export; its `expect.checks` are called with a `RunResult`. */
export type Scenario = ScenarioOf<RunResult>;
/** Metric bounds and named checks: `{ lostWrites: 0, checks: { "db2 ends primary": (result) => … } }`. */
export type ExpectSpec = ExpectSpecOf<RunResult>;
/** A named check: true passes; false, or a message, fails. */
export type ExpectCheck = ExpectCheckOf<RunResult>;
/** Declares a scenario. Identity at run time; it exists for types and editor completion. */
export const defineScenario: (scenario: Scenario) => Scenario = defineScenarioOf;

// --- Running scenarios (sim/run) and checking their expectations (sim/check) -------------------
// `runScenario(scenario, { seed, overrides })` is pure: the summary metrics, the timeline, the
// events and each expectation's outcome, with no file written; bad input throws a ScenarioError.
// `checkScenario` is `sim check` for one scenario: its `expect` judged over seeds.
export { runScenario } from "./run/index.ts";
export { ScenarioError } from "./scenario/index.ts";
export type { RunSeries, TimelineRow } from "./metrics/index.ts";
export type { ExpectationOutcome, RunOptions, RunResult } from "./run/index.ts";
export type { TraceEvent } from "./model/index.ts";
export { checkScenario } from "./check/index.ts";
export type { CheckOptions, ScenarioCheck, Verdict } from "./check/index.ts";
