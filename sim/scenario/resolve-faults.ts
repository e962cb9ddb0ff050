// Resolves the scenario's fault schedule into the model's faults (microseconds, checked names):
// each fault by its own kind (model/faults/<kind>.ts), which checks its names and its times.
// Faults must start before the end of the run, since an event past the end would silently never
// happen. The result is sorted by time, stably, so faults scheduled at the same instant keep the
// order the scenario lists them in.
import {
  collecting,
  failAt,
  formatDuration,
  type Endpoints,
  type ResolveContext,
} from "../dsl/index.ts";
import { faultKindOf, type ScheduledFault } from "../model/index.ts";
import type { ParsedScenario } from "./schema.ts";

type ParsedSchedule = NonNullable<ParsedScenario["faults"]>;

export function resolveFaults(
  schedule: ParsedSchedule,
  durationUs: number,
  endpoints: Endpoints,
  context: ResolveContext,
): ScheduledFault[] {
  const resolved = schedule.map((entry, index) =>
    collecting(context, undefined, () =>
      resolveEntry(entry, index, durationUs, endpoints, context),
    ),
  );
  return resolved.filter((fault) => fault !== undefined).sort((a, b) => a.atUs - b.atUs);
}

/** One entry of the schedule; a bad one throws (and resolveFaults goes on with the next). */
function resolveEntry(
  entry: ParsedSchedule[number],
  index: number,
  durationUs: number,
  endpoints: Endpoints,
  context: ResolveContext,
): ScheduledFault {
  if (entry.at >= durationUs) {
    failAt(
      context,
      ["faults", index, "at"],
      `a time within the run (duration ${formatDuration(durationUs)})`,
    );
  }
  const site = { path: ["faults", index, "fault"], endpoints, context, atUs: entry.at, durationUs };
  return { atUs: entry.at, fault: faultKindOf(entry.fault.kind).resolve(entry.fault, site) };
}
