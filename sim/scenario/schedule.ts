// A scenario's fault schedule as it writes it: `at(time, fault)`, the fault made by one of the
// fault kinds' builders (model/faults/<kind>.ts), all plain data in the DSL's form (durations as
// strings), so a scenario stays printable and overridable with --set. Nothing is checked here;
// names and times are validated, and a range of times drawn from, when the scenario is resolved
// (resolve-faults.ts).
import type { Duration } from "../dsl/index.ts";
import type { FaultSpec } from "../model/index.ts";

export interface ScheduledFaultSpec {
  /** Time since the start of the run, before its end; or a range ("300s..301s") the time is
   *  drawn from, uniformly in whole microseconds, by the run's seed. */
  at: Duration | `${Duration}..${Duration}`;
  fault: FaultSpec;
}

/** Schedules `fault` at `time` after the start of the run, or at a time the seed draws from a
 *  range: `at("300s..301s", crash("db1"))` strikes at an unknown moment of that second. */
export function at(
  time: Duration | `${Duration}..${Duration}`,
  fault: FaultSpec,
): ScheduledFaultSpec {
  return { at: time, fault };
}
