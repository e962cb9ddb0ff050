// Resolves the scenario's fault schedule into the model's faults (microseconds, checked names).
// Zones in partition groups are expanded into the endpoints they hold, so the model sees plain
// endpoint groups; an endpoint may sit in only one group. An isolate target stays as written (the
// model's Fault names one target, and a zone target stands for its endpoints, per fault.ts).
// Faults must start before the end of the run and a blip must heal before it, since an event
// past the end would silently never happen. The result is sorted by time, stably, so faults
// scheduled at the same instant keep the order the scenario lists them in.
import type { Fault, ScheduledFault } from "../model/index.ts";
import { formatDuration } from "./duration.ts";
import type { Endpoints } from "./endpoints.ts";
import { failAt, type ResolveContext } from "./errors.ts";
import type { ParsedFault, ParsedScenario } from "./schema.ts";

type ParsedSchedule = NonNullable<ParsedScenario["faults"]>;

export function resolveFaults(schedule: ParsedSchedule, durationUs: number, endpoints: Endpoints, context: ResolveContext): ScheduledFault[] {
  const resolved = schedule.map((entry, index): ScheduledFault => {
    if (entry.at >= durationUs) {
      failAt(context, ["faults", index, "at"], `a time within the run (duration ${formatDuration(durationUs)})`);
    }
    const fault = resolveFault(entry.fault, ["faults", index, "fault"], endpoints, context);
    if (fault.kind === "blip" && entry.at + fault.durationUs >= durationUs) {
      const remainingUs = durationUs - entry.at;
      failAt(context, ["faults", index, "fault", "duration"], `a blip that heals before the end of the run: it starts at ${formatDuration(entry.at)} in a run of ${formatDuration(durationUs)}, so it must last less than ${formatDuration(remainingUs)}`);
    }
    return { atUs: entry.at, fault };
  });
  return resolved.sort((a, b) => a.atUs - b.atUs);
}

function resolveFault(fault: ParsedFault, path: PropertyKey[], endpoints: Endpoints, context: ResolveContext): Fault {
  switch (fault.kind) {
    case "crash":
    case "restart":
      if (!endpoints.nodeNames.includes(fault.node)) {
        failAt(context, [...path, "node"], `a node: ${endpoints.nodeNames.join(", ")}`);
      }
      return { kind: fault.kind, node: fault.node };
    case "pause":
      if (!endpoints.nodeNames.includes(fault.node)) {
        failAt(context, [...path, "node"], `a node: ${endpoints.nodeNames.join(", ")}`);
      }
      return { kind: "pause", node: fault.node, durationUs: fault.duration };
    case "isolate":
      if (!endpoints.isKnown(fault.target)) failAt(context, [...path, "target"], endpoints.expectation);
      return { kind: "isolate", target: fault.target };
    case "heal":
      return { kind: "heal" };
    case "partition":
      return { kind: "partition", groups: resolveGroups(fault.groups, [...path, "groups"], endpoints, context) };
    case "blip":
      return { kind: "blip", groups: resolveGroups(fault.groups, [...path, "groups"], endpoints, context), durationUs: fault.duration };
    default: {
      const unknown: never = fault;
      throw new Error(`unknown fault ${JSON.stringify(unknown)}`);
    }
  }
}

function resolveGroups(groups: string[][], path: PropertyKey[], endpoints: Endpoints, context: ResolveContext): string[][] {
  // endpoint → where it was first placed, to explain an overlap.
  const placedBy = new Map<string, { group: number; name: string }>();
  return groups.map((group, groupIndex) => {
    const members: string[] = [];
    group.forEach((name, nameIndex) => {
      if (!endpoints.isKnown(name)) failAt(context, [...path, groupIndex, nameIndex], endpoints.expectation);
      for (const endpoint of endpoints.expand(name)) {
        const earlier = placedBy.get(endpoint);
        if (earlier !== undefined && earlier.group !== groupIndex) {
          const via = earlier.name === endpoint ? "" : ` (through ${JSON.stringify(earlier.name)})`;
          failAt(context, [...path, groupIndex, nameIndex], `groups that do not overlap, but ${endpoint} is already in group ${earlier.group}${via}`);
        }
        if (earlier === undefined) {
          placedBy.set(endpoint, { group: groupIndex, name });
          members.push(endpoint);
        }
      }
    });
    return members;
  });
}
