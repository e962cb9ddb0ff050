// The public package entry ("failover-sim"): what scenario files and library users import.
// Scenario files need only the DSL: `import { defineScenario, at, crash, partition, heal } from "failover-sim"`,
// plus `presets` for a policy modelled on a real system (`policy: presets.patroni()`).

// --- Scenario DSL (sim/scenario) --------------------------------------------------------------
export {
  at,
  blip,
  chaos,
  clockSkew,
  crash,
  defineScenario,
  delay,
  diskFreed,
  diskFull,
  flaky,
  heal,
  isolate,
  loss,
  monitorCrash,
  oneWay,
  partition,
  pause,
  presets,
  readOnly,
  restart,
  slow,
  writable,
  zoneOutage,
  zoneRestore,
} from "./scenario/index.ts";
export type {
  ClientSpec,
  DetectorSpec,
  Duration,
  ExpectBound,
  ExpectSpec,
  FailoverSpec,
  FaultSpec,
  LinkKey,
  LinkSettings,
  MetricName,
  NetworkSpec,
  NodeSpec,
  PolicyOverrides,
  PolicySpec,
  PolicyStandbySpec,
  PresetName,
  Rate,
  ReplicationSpec,
  Scenario,
  ScheduledFaultSpec,
} from "./scenario/index.ts";

// --- Running scenarios ------------------------------------------------------------------------
// runScenario (scenario in, result + trace out) is exported here once sim/metrics provides it.
