// The scenario layer: the DSL users write, its validation and resolution into the model's
// WorldConfig, --set overrides and loading scenario files. Layers above import from here, or
// from the few small modules they need alone (metric-names.ts, limits.ts, scenario-module.ts,
// scenario-bundle.ts) where loading the whole layer would cost start-up time.
export { defineScenario } from "./define.ts";
export type {
  ClientSpec,
  ExpectBound,
  ExpectCheck,
  ExpectSpec,
  LinkKey,
  LinkSettings,
  NetworkSpec,
  NodeSpec,
  PolicySpec,
  Scenario,
} from "./define.ts";
export type { LoadBalancerSpec } from "../model/routing/lb.ts";
export type {
  DetectorSpec,
  FailoverSpec,
  PolicyOverrides,
  PolicyStandbySpec,
  ReplicationSpec,
} from "./policy-spec.ts";
export { presetNames, presets, type PresetName } from "./presets/index.ts";
export { chaos, type ChaosSpec } from "./chaos.ts";
export { at, type ScheduledFaultSpec } from "./schedule.ts";
// The fault kinds' builders (crash(), partition(), …) and their DSL types.
export * from "../model/faults/index.ts";
export type { EndpointName } from "../dsl/index.ts";
export {
  durationUnits,
  formatDuration,
  parseDuration,
  readDuration,
  type Duration,
  type DurationUnit,
} from "../dsl/index.ts";
export { parseRate, readRate, rateUnits, type Rate, type RateUnit } from "../dsl/index.ts";
export { defaults } from "./defaults.ts";
export * from "./choices.ts";
export {
  ScenarioError,
  combineProblems,
  describeValue,
  formatPath,
  formatScenarioMessage,
  type ScenarioErrorInit,
} from "../dsl/index.ts";
export { scenarioErrorFromIssues } from "./issues.ts";
export {
  resolveScenario,
  maxDurationUs,
  type ResolveOptions,
  type ResolvedScenario,
} from "./resolve.ts";
export {
  describeExpectation,
  isCheck,
  meetsExpectation,
  quantileLabel,
  type CheckExpectation,
  type Expectation,
  type MetricExpectation,
} from "./expectation.ts";
export { parseLinkKey, type LinkKeyParts } from "../dsl/index.ts";
export {
  applyOverrides,
  applyOverridesCollecting,
  forbiddenSegments,
  parseOverrideValue,
} from "./overrides.ts";
export {
  cliLimitSpecs,
  defaultCliLimitsUs,
  defaultLimits,
  formatCount,
  limitSpecs,
  limitText,
  withDefaults,
  type LimitName,
  type Limits,
  type LimitSpec,
} from "./limits.ts";
export { checkWorldLimits, checkWrittenSize, estimateRun } from "./limit-estimates.ts";
export { loadScenarioFile, loadScenarioOrHelper } from "./load.ts";
export {
  defaultKeyFigures,
  keyFigures,
  teachingLimits,
  type Teaching,
  type TeachingQuestion,
  type TeachingSpec,
} from "./teaching.ts";
export { scenarioOf } from "./scenario-module.ts";
export {
  columnOf,
  metricColumns,
  metricNameOf,
  metricNames,
  type MetricColumn,
  type MetricName,
  type MetricValues,
} from "./metric-names.ts";
