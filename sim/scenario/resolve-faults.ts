// Resolves the scenario's fault schedule into the model's faults (microseconds, checked names).
// Zones in partition groups are expanded into the endpoints they hold, so the model sees plain
// endpoint groups; an endpoint may sit in only one group. An isolate target stays as written (the
// model's Fault names one target, and a zone target stands for its endpoints, per fault.ts).
// Faults must start before the end of the run and a blip must heal before it, since an event
// past the end would silently never happen. The result is sorted by time, stably, so faults
// scheduled at the same instant keep the order the scenario lists them in.
import type { Fault, ScheduledFault } from "../model/index.ts";
import { formatDuration, readDuration, type Endpoints, collecting, failAt, type ResolveContext } from "../dsl/index.ts";
import { parseLinkKey } from "../dsl/index.ts";
import type { ParsedFault, ParsedScenario } from "./schema.ts";

type ParsedSchedule = NonNullable<ParsedScenario["faults"]>;

export function resolveFaults(schedule: ParsedSchedule, durationUs: number, endpoints: Endpoints, context: ResolveContext): ScheduledFault[] {
  const resolved = schedule.map((entry, index) => collecting(context, undefined, () => resolveEntry(entry, index, durationUs, endpoints, context)));
  return resolved.filter((fault) => fault !== undefined).sort((a, b) => a.atUs - b.atUs);
}

/** One entry of the schedule; a bad one throws (and resolveFaults goes on with the next). */
function resolveEntry(entry: ParsedSchedule[number], index: number, durationUs: number, endpoints: Endpoints, context: ResolveContext): ScheduledFault {
  if (entry.at >= durationUs) {
    failAt(context, ["faults", index, "at"], `a time within the run (duration ${formatDuration(durationUs)})`);
  }
  const fault = resolveFault(entry.fault, ["faults", index, "fault"], endpoints, context);
  if (fault.kind === "blip" && entry.at + fault.durationUs >= durationUs) {
    const remainingUs = durationUs - entry.at;
    failAt(context, ["faults", index, "fault", "duration"], `a blip that heals before the end of the run: it starts at ${formatDuration(entry.at)} in a run of ${formatDuration(durationUs)}, so it must last less than ${formatDuration(remainingUs)}`);
  }
  return { atUs: entry.at, fault };
}

function resolveFault(fault: ParsedFault, path: PropertyKey[], endpoints: Endpoints, context: ResolveContext): Fault {
  switch (fault.kind) {
    case "crash":
    case "restart":
      if (!endpoints.nodeNames.includes(fault.node)) {
        failAt(context, [...path, "node"], `a node: ${endpoints.nodeNames.join(", ")}`);
      }
      return { kind: fault.kind, node: fault.node };
    case "oneWay":
      return {
        kind: "one-way",
        from: resolveGroups([fault.from], [...path, "from"], endpoints, context)[0],
        to: resolveGroups([fault.to], [...path, "to"], endpoints, context)[0],
      };
    case "degrade":
      return resolveDegrade(fault, path, endpoints, context);
    case "slow":
      return { kind: "slow", node: dataNode(fault.node, [...path, "node"], endpoints, context), delayUs: fault.delay };
    case "readOnly":
      return { kind: "read-only", node: dataNode(fault.node, [...path, "node"], endpoints, context), writable: fault.writable };
    case "clockSkew": {
      const node = dataNode(fault.node, [...path, "node"], endpoints, context);
      return { kind: "clock-skew", node, rate: fault.rate ?? 1, jumpUs: signedDuration(fault.jump, [...path, "jump"], context) };
    }
    case "zoneOutage":
      if (!endpoints.isZone(fault.zone)) failAt(context, [...path, "zone"], `a zone: ${endpoints.zoneNames.join(", ")}`);
      return { kind: "zone-outage", zone: fault.zone, restore: fault.restore };
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

function dataNode(name: string, path: PropertyKey[], endpoints: Endpoints, context: ResolveContext): string {
  if (!endpoints.dataNodeNames.includes(name)) failAt(context, path, `a database node: ${endpoints.dataNodeNames.join(", ")}`);
  return name;
}

/** "30s" or "-30s" → µs; absent → 0. */
function signedDuration(text: string | undefined, path: PropertyKey[], context: ResolveContext): number {
  if (text === undefined) return 0;
  const negative = text.startsWith("-");
  const reading = readDuration(negative ? text.slice(1) : text);
  if (!reading.ok) failAt(context, path, `a duration like "30s" or "-30s"`);
  return negative ? -reading.us : reading.us;
}

/** A degradation's links: a link "a<->b", or a name's links with everything else. */
function resolveDegrade(fault: ParsedFault & { kind: "degrade" }, path: PropertyKey[], endpoints: Endpoints, context: ResolveContext): Fault {
  const link = parseLinkKey(fault.target);
  const names = link ? [[link.source], [link.target]] : [[fault.target]];
  const groups = resolveGroups(names, [...path, "target"], endpoints, context);
  if (fault.loss === undefined && fault.delay === undefined && fault.flaky === undefined) {
    failAt(context, path, "a loss probability, an extra delay or flaky settings (loss(), delay() or flaky())");
  }
  return {
    kind: "degrade",
    groups,
    lossProbability: fault.loss ?? 0,
    extraDelayUs: fault.delay ?? 0,
    flaky: fault.flaky ? { downUs: fault.flaky.down, upUs: fault.flaky.up } : null,
    durationUs: fault.for ?? 0,
  };
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
