// What the replay in report.html needs, as plain data embedded in the page: every endpoint
// (database nodes, monitors, pool servers, client groups) with its zone; each node's state over
// time (its process state when not up, else its role — the timeline chart's main lane); where
// each client group sends its writes; the links that faults cut or made lossy, per endpoint pair
// and period; and the steps — the main events of the run told in `sim explain`'s sentences.
// A fault's links come from its data's shape: `groups` (partition, blip, degrade: links between
// the groups, or between one group and everything else), `from`/`to` (one-way), `target`
// (isolate: the target from everything). Crashes and zone outages show as node states instead.
// Times are whole microseconds. Pure: the run's result in, data out.
import type { TraceEvent, WorldConfig } from "../../model/index.ts";
import type { RunSeries } from "../../metrics/series.ts";
import type { TimelineRow } from "../../metrics/timeline.ts";
import { spokenDuration } from "../../dsl/index.ts";
import { mainLane } from "../charts/timeline-chart.ts";
import { StoryObserver } from "../explain-story.ts";

export type EndpointKind = "database" | "monitor" | "server" | "clients";
export type LinkTrouble = "cut" | "one-way" | "lossy";

export interface ReplayEndpoint {
  name: string;
  kind: EndpointKind;
  zone: string;
}

/** [startUs, endUs, state]: one interval of a node's main lane or a client group's target. */
export type Interval = [number, number, string];

export interface ReplayLink {
  /** Endpoint names; for "one-way", messages from a to b are lost. */
  a: string;
  b: string;
  trouble: LinkTrouble;
  startUs: number;
  endUs: number;
}

export interface ReplayStep {
  tUs: number;
  /** The time in the human style, e.g. "2 min 03 s". */
  time: string;
  text: string;
}

export interface ReplayData {
  endUs: number;
  endpoints: ReplayEndpoint[];
  states: Record<string, Interval[]>;
  targets: Record<string, Interval[]>;
  links: ReplayLink[];
  steps: ReplayStep[];
  /** The slider's positions: [tUs, the time in words], evenly spaced plus every step's time. */
  ticks: [number, string][];
}

/** Evenly spaced slider positions besides the steps' times. */
export const tickCount = 400;

export interface ReplayInput {
  world: WorldConfig;
  timeline: readonly TimelineRow[];
  series: RunSeries;
}

export function replayData({ world, timeline, series }: ReplayInput): ReplayData {
  const endpoints: ReplayEndpoint[] = [
    ...world.nodes.map((node) => ({ name: node.name, kind: kindOf(node.role), zone: node.zone })),
    ...world.clients.map((client) => ({
      name: client.name,
      kind: "clients" as const,
      zone: client.zone,
    })),
  ];
  const events = [...series.keyEvents.events, ...series.keyEvents.closing];
  const told = steps(events, world);
  return {
    endUs: series.endUs,
    endpoints,
    states: nodeStates(world, timeline),
    targets: clientTargets(world, events, series.endUs),
    links: faultLinks(
      events,
      series,
      endpoints.map((endpoint) => endpoint.name),
    ),
    steps: told,
    ticks: ticks(series.endUs, told),
  };
}

function kindOf(role: string): EndpointKind {
  if (role === "monitor" || role === "witness") return "monitor";
  return role === "server" ? "server" : "database";
}

function nodeStates(world: WorldConfig, rows: readonly TimelineRow[]): Record<string, Interval[]> {
  const states: Record<string, Interval[]> = {};
  for (const node of world.nodes) {
    const own = rows.filter((row) => row.node === node.name);
    const lane = mainLane(
      own.filter((row) => row.kind === "state"),
      own.filter((row) => row.kind === "role"),
    );
    states[node.name] = lane.map(({ startUs, endUs, state }) => [startUs, endUs, state]);
  }
  return states;
}

/** Where each client group's router sends writes: the first primary, then each reroute. */
function clientTargets(
  world: WorldConfig,
  events: readonly TraceEvent[],
  endUs: number,
): Record<string, Interval[]> {
  const first = world.nodes.find((node) => node.role === "primary")?.name;
  const targets: Record<string, Interval[]> = {};
  for (const client of world.clients) {
    const changes = events.flatMap((event) =>
      event.kind === "reroute" && event.client === client.name
        ? [{ tUs: event.tUs, target: event.target }]
        : [],
    );
    if (first === undefined && changes.length === 0) continue;
    const list: Interval[] = [];
    let current = { tUs: 0, target: first ?? changes[0].target };
    for (const change of changes) {
      if (change.target === current.target) continue;
      if (change.tUs > current.tUs) list.push([current.tUs, change.tUs, current.target]);
      current = change;
    }
    list.push([current.tUs, endUs, current.target]);
    targets[client.name] = list;
  }
  return targets;
}

/** Each fault period's troubled links, from the fault event that started it. */
function faultLinks(
  events: readonly TraceEvent[],
  series: RunSeries,
  names: readonly string[],
): ReplayLink[] {
  const links: ReplayLink[] = [];
  for (const period of series.faults.periods) {
    const event = events.find(
      (candidate) =>
        candidate.kind === "fault" &&
        candidate.tUs === period.startUs &&
        candidate.label === period.label,
    );
    if (event === undefined || event.kind !== "fault") continue;
    for (const [a, b, trouble] of troubledPairs(event.fault, names))
      links.push({ a, b, trouble, startUs: period.startUs, endUs: period.endUs });
  }
  return links;
}

/** The endpoint pairs a fault troubles, read from the shape of its data. */
export function troubledPairs(
  fault: { readonly kind: string },
  names: readonly string[],
): [string, string, LinkTrouble][] {
  const data = fault as { groups?: unknown; from?: unknown; to?: unknown; target?: unknown };
  const lists = (value: unknown): string[][] | undefined =>
    Array.isArray(value) && value.every((group) => Array.isArray(group))
      ? (value as string[][])
      : undefined;
  const groups = lists(data.groups);
  if (groups !== undefined) {
    const trouble: LinkTrouble = fault.kind === "degrade" ? "lossy" : "cut";
    const sides =
      groups.length === 1 ? [groups[0], names.filter((name) => !groups[0].includes(name))] : groups;
    return crossPairs(sides, trouble);
  }
  if (Array.isArray(data.from) && Array.isArray(data.to))
    return crossPairs([data.from as string[], data.to as string[]], "one-way");
  if (fault.kind === "isolate" && typeof data.target === "string") {
    const target = data.target;
    return crossPairs([[target], names.filter((name) => name !== target)], "cut");
  }
  return [];
}

function crossPairs(
  sides: readonly (readonly string[])[],
  trouble: LinkTrouble,
): [string, string, LinkTrouble][] {
  const pairs: [string, string, LinkTrouble][] = [];
  sides.forEach((side, i) =>
    sides.slice(i + 1).forEach((other) => {
      for (const a of side) for (const b of other) if (a !== b) pairs.push([a, b, trouble]);
    }),
  );
  return pairs;
}

/** The run's main events in `sim explain`'s words (the per-write counts left out). */
function steps(events: readonly TraceEvent[], world: WorldConfig): ReplayStep[] {
  const story = new StoryObserver();
  for (const event of events) story.observe(event);
  const told = story.story(world);
  return [...told.lines, ...told.closing]
    .filter((line) => !line.aside)
    .map((line) => ({ tUs: line.tUs, time: spokenDuration(line.tUs), text: line.text }));
}

function ticks(endUs: number, told: readonly ReplayStep[]): [number, string][] {
  const times = new Set(told.map((step) => step.tUs));
  for (let i = 0; i <= tickCount; i++) times.add(Math.round((endUs * i) / tickCount));
  return [...times].sort((a, b) => a - b).map((tUs) => [tUs, spokenDuration(tUs)]);
}
