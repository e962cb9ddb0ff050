// Resolves the scenario's fault schedule into the model's faults (microseconds, checked names):
// each fault by its own kind (model/faults/<kind>.ts), which checks its names and its times.
// Faults must start before the end of the run, since an event past the end would silently never
// happen. The result is sorted by time, stably, so faults scheduled at the same instant keep the
// order the scenario lists them in. A time given as a range is drawn uniformly, in whole
// microseconds, from the entry's own stream of the run's seed (`schedule:<index>`), so the same
// seed strikes at the same moment and a new entry leaves the others' draws alone.
import { RngStreams } from "../engine/index.ts";
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
  seed: number,
): ScheduledFault[] {
  const streams = new RngStreams(seed);
  const resolved = schedule.map((entry, index) =>
    collecting(context, undefined, () =>
      resolveEntry(entry, index, durationUs, endpoints, context, streams),
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
  streams: RngStreams,
): ScheduledFault {
  const { minUs, maxUs } = entry.at;
  if (maxUs >= durationUs) {
    const what = minUs === maxUs ? "a time" : "a range that ends";
    failAt(
      context,
      ["faults", index, "at"],
      `${what} within the run (duration ${formatDuration(durationUs)})`,
    );
  }
  const atUs =
    minUs === maxUs ? minUs : minUs + streams.stream(`schedule:${index}`).int(maxUs - minUs + 1);
  const site = { path: ["faults", index, "fault"], endpoints, context, atUs, durationUs };
  return { atUs, fault: faultKindOf(entry.fault.kind).resolve(entry.fault, site) };
}
