// A scenario's fault schedule as it writes it: `at(time, fault)`, the fault made by one of the
// fault kinds' builders (model/faults/<kind>.ts), all plain data in the DSL's form (durations as
// strings), so a scenario stays printable and overridable with --set. Nothing is checked here;
// names and times are validated when the scenario is resolved (resolve-faults.ts).
import type { Duration } from "../dsl/index.ts";
import type { FaultSpec } from "../model/index.ts";

export interface ScheduledFaultSpec {
  /** Time since the start of the run; before the end of the run. */
  at: Duration;
  fault: FaultSpec;
}

/** Schedules `fault` at `time` after the start of the run. */
export function at(time: Duration, fault: FaultSpec): ScheduledFaultSpec {
  return { at: time, fault };
}
