// Shrinking a swarm case that breaks something: its fault schedule and its configuration, in
// turn, to a fixed point. The schedule shrinks as `sim fuzz` shrinks one (shrink.ts); the
// configuration by these reductions, biggest first, keeping the first candidate that still
// breaks the same thing (a candidate the scenario layer refuses does not):
//   node     drop a standby, monitor, witness or server (never the last of its role), taken out
//            of the lists of names in the fault episodes (a blip's groups) or, where it is not
//            in a list or the episode no longer makes sense without it, with those episodes; quorum, waitFor and minReplicas shrink with the cluster;
//   group    drop a client group of two;
//   section  drop a whole section back to its defaults (policy, network, replication, detector,
//            failover, a node's or a client group's settings);
//   field    drop one setting back to its default.
// A configuration is smaller when it has fewer nodes and client groups, then fewer settings.
// Every kept candidate is smaller in schedule or configuration, so it ends; `maxRuns` bounds it.
import type { Episode } from "../episode.ts";
import { faultSpace } from "../fault-space.ts";
import { episodeShapeOf, resolveScenario, ScenarioError } from "../../scenario/index.ts";
import { FuzzError } from "../fuzz-error.ts";
import { settlePeriodUs } from "../settle-period.ts";
import { shrink } from "../shrink.ts";
import { compareSize, scheduleSize } from "../schedule-size.ts";
import type { ScenarioData } from "./draw-configuration.ts";
import { scenarioOf, type SwarmCase } from "./swarm-case.ts";

export interface ShrunkCase<Failure> {
  swarmCase: SwarmCase;
  failure: Failure;
  runs: number;
  exhausted: boolean;
}

/** Fields a reproducer must keep whatever happens. */
const kept = new Set(["name", "summary", "duration", "seed", "nodes", "role", "writes", "kind"]);

export function shrinkCase<Failure>(
  start: SwarmCase,
  failure: Failure,
  fails: (candidate: SwarmCase) => Failure | null,
  options: { file: string; needsRepairs: boolean; maxRuns: number },
): ShrunkCase<Failure> {
  let current = start;
  let held = failure;
  let runs = 0;
  for (;;) {
    const world = resolveScenario(scenarioOf(current), { file: options.file }).world;
    const space = faultSpace(world, settlePeriodUs(world), options.file);
    const base = current;
    const shrunk = shrink(current.schedule, held, (schedule) => fails({ ...base, schedule }), {
      space,
      needsRepairs: options.needsRepairs,
      maxRuns: options.maxRuns - runs,
    });
    runs += shrunk.runs;
    current = { ...current, schedule: shrunk.schedule };
    held = shrunk.failure;
    if (shrunk.exhausted) return { swarmCase: current, failure: held, runs, exhausted: true };
    let progressed = false;
    for (const candidate of configurationCandidates(current)) {
      if (!fits(candidate, options.file)) continue;
      if (runs >= options.maxRuns)
        return { swarmCase: current, failure: held, runs, exhausted: true };
      runs++;
      const shown = fails(candidate);
      if (shown === null) continue;
      current = candidate;
      held = shown;
      progressed = true;
      break;
    }
    if (!progressed) return { swarmCase: current, failure: held, runs, exhausted: false };
  }
}

/** Whether the case's configuration is valid and its settle period leaves a fault window in the run. */
function fits(candidate: SwarmCase, file: string): boolean {
  try {
    const world = resolveScenario(scenarioOf(candidate), { file }).world;
    faultSpace(world, settlePeriodUs(world), file);
    return true;
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof FuzzError) return false;
    throw error;
  }
}

/** Smaller configurations, biggest step first, each with the schedule it can still carry. */
function configurationCandidates(current: SwarmCase): SwarmCase[] {
  const { scenario, schedule } = current;
  const candidates: SwarmCase[] = [];
  for (const name of droppableNodes(scenario)) {
    const smaller = withoutNode(scenario, name);
    // First with the episodes that name it in a list (a blip's groups) kept without it; the
    // scenario layer refuses one that no longer makes sense (fits), and then they go too.
    const stripped = schedule
      .map((episode) => ({ ...episode, fault: withoutName(episode.fault, name) }))
      .filter((episode) => !names(episode).includes(name));
    if (stripped.length > schedule.filter((e) => !names(e).includes(name)).length)
      candidates.push({ ...current, scenario: smaller, schedule: stripped });
    candidates.push({
      ...current,
      scenario: smaller,
      schedule: schedule.filter((episode) => !names(episode).includes(name)),
    });
  }
  if (Array.isArray(scenario.clients) && scenario.clients.length > 1) {
    for (const index of scenario.clients.keys()) {
      candidates.push({
        ...current,
        scenario: { ...scenario, clients: scenario.clients.filter((_, i) => i !== index) },
      });
    }
  }
  for (const path of settingPaths(scenario))
    candidates.push({ ...current, scenario: without(scenario, path) });
  const size = configurationSize(scenario);
  return candidates.filter((candidate) => {
    const order = configurationSize(candidate.scenario) - size;
    return (
      order < 0 ||
      (order === 0 && compareSize(scheduleSize(candidate.schedule), scheduleSize(schedule)) < 0)
    );
  });
}

/** Nodes and client groups weigh more than any number of settings. */
export function configurationSize(scenario: ScenarioData): number {
  const groups = Array.isArray(scenario.clients)
    ? scenario.clients.length
    : scenario.clients === undefined
      ? 0
      : 1;
  return 1000 * (Object.keys(scenario.nodes).length + groups) + leafCount(scenario);
}

function leafCount(value: unknown): number {
  if (value === null || typeof value !== "object") return 1;
  return Object.values(value).reduce((sum: number, child) => sum + leafCount(child), 0);
}

function droppableNodes(scenario: ScenarioData): string[] {
  const byRole = new Map<string, string[]>();
  for (const [name, node] of Object.entries(scenario.nodes))
    byRole.set(node.role, [...(byRole.get(node.role) ?? []), name]);
  return Object.entries(scenario.nodes)
    .filter(
      ([, node]) =>
        node.role !== "primary" &&
        (node.role === "witness" || (byRole.get(node.role)?.length ?? 0) > 1),
    )
    .map(([name]) => name)
    .reverse();
}

/** The cluster without `name`, and the counts that depend on the cluster kept within it. */
function withoutNode(scenario: ScenarioData, name: string): ScenarioData {
  const { [name]: _dropped, ...nodes } = scenario.nodes;
  const next: ScenarioData = { ...structuredClone(scenario), nodes };
  const voters = Object.values(nodes).filter(
    (node) => node.role === "monitor" || node.role === "witness",
  ).length;
  const streaming = Object.values(nodes).filter(
    (node) => node.role === "standby" && node.readiness !== "cold",
  ).length;
  clamp(next, ["failover", "quorum"], voters);
  clamp(next, ["replication", "waitFor"], streaming);
  clamp(next, ["failover", "minReplicas"], streaming);
  const groups = Array.isArray(next.clients)
    ? next.clients
    : next.clients === undefined
      ? []
      : [next.clients];
  for (const group of groups as { routing?: unknown }[]) {
    const lb = (group.routing as { lb?: { servers?: string[] } } | undefined)?.lb;
    if (lb?.servers !== undefined) lb.servers = lb.servers.filter((server) => server !== name);
  }
  return next;
}

function clamp(scenario: ScenarioData, path: [string, string], atMost: number): void {
  const section = scenario[path[0]] as Record<string, unknown> | undefined;
  const value = section?.[path[1]];
  if (typeof value === "number" && value > atMost) section![path[1]] = Math.max(1, atMost);
}

/** Every setting that may go back to its default: whole sections first, then single fields. */
function settingPaths(scenario: ScenarioData): string[][] {
  const sections: string[][] = [];
  const fields: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, key];
      if (kept.has(key) || (path.length === 0 && key === "faults")) continue;
      const isSection = child !== null && typeof child === "object" && !Array.isArray(child);
      (isSection ? sections : fields).push(at);
      if (isSection && key !== "policy") walk(child, at);
    }
  };
  walk(scenario, []);
  // A node's entry and the nodes map itself are not settings; what is inside a node is.
  for (const name of Object.keys(scenario.nodes)) walk(scenario.nodes[name], ["nodes", name]);
  return [...sections, ...fields];
}

function without(scenario: ScenarioData, path: string[]): ScenarioData {
  const next = structuredClone(scenario);
  let parent = next as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  delete parent[path[path.length - 1]];
  return next;
}

/** Every name an episode's fault mentions. */
/** The fault's plain data with `name` taken out of every list of names (and lists left empty
 *  dropped); a field naming it alone stays, so the episode still names it. */
function withoutName<T>(fault: T, name: string): T {
  const strip = (value: unknown): unknown => {
    if (!Array.isArray(value)) return value;
    return value
      .filter((item) => item !== name)
      .map(strip)
      .filter((item) => !(Array.isArray(item) && item.length === 0));
  };
  const entries = Object.entries(fault as Record<string, unknown>);
  return Object.fromEntries(entries.map(([key, value]) => [key, strip(value)])) as T;
}

function names(episode: Episode): readonly string[] {
  return episodeShapeOf(episode.fault.kind).names(episode.fault);
}
