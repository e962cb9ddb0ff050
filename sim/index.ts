// The public package entry ("failover-sim"): what scenario files and library users import.
// Scenario files need only the DSL: `import { defineScenario, at, crash, partition, heal } from "failover-sim"`.

// --- Scenario DSL (sim/scenario) --------------------------------------------------------------
export { at, blip, crash, defineScenario, heal, isolate, partition, pause, restart } from "./scenario/index.ts";
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
  Rate,
  ReplicationSpec,
  Scenario,
  ScheduledFaultSpec,
} from "./scenario/index.ts";

// --- Running scenarios ------------------------------------------------------------------------
// runScenario (scenario in, result + trace out) is exported here once sim/metrics provides it.
