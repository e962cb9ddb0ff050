// What a scenario will cost, estimated from its configuration before anything runs, and checked
// against the limits (limits.ts). Events: per write request about 4.5 (its issue, delivery and
// reply, plus service at a node of limited capacity, timeouts and retries), and for a database
// write its share of the primary's replication ship ticks (writeEvents); per read about 3; per
// monitor round about 5 per watched node plus one per other monitor; status reports twice per node
// and interval; lease renewals three per node and renewal (one more under lease fencing: the
// primary's look at its lease). Memory: a base of 120 MB, 100 B per connection, 0.9 MB per client
// group, 1 kB per fault, 0.1 MB per node and 150 B per trace event kept. The constants were
// measured with runScenario (process.memoryUsage, eventsProcessed) and err on the high side; an
// estimate says "about" in every message. Pure: no I/O, no clock.
import {
  detectorKindOf,
  fencingMechanisms,
  routingKindOf,
  type WorldConfig,
} from "../model/index.ts";
import { formatDuration, type ScenarioErrorInit } from "../dsl/index.ts";
import { formatCount, limitText, type LimitName, type Limits } from "./limits.ts";
import type { ChaosPlan } from "./chaos.ts";

type Problem = Omit<ScenarioErrorInit, "file">;

const over = (name: LimitName, limits: Limits, field: string, got: string): Problem => ({
  field,
  expected: `at most ${limitText(name, limits[name])}`,
  got,
});

/** Counts on the scenario as written, before it is parsed: nodes, client groups, faults,
 *  connections. Cheap whatever the size, so a huge array is refused before it costs anything. */
export function checkWrittenSize(raw: unknown, limits: Limits): Problem[] {
  if (raw === null || typeof raw !== "object") return [];
  const scenario = raw as Record<string, unknown>;
  const problems: Problem[] = [];
  const nodes = scenario.nodes;
  if (nodes !== null && typeof nodes === "object") {
    const count = Object.keys(nodes).length;
    if (count > limits.maxNodes)
      problems.push(over("maxNodes", limits, "nodes", `${formatCount(count)} nodes`));
    const monitors = Object.values(nodes).filter(
      (node) => (node as { role?: unknown } | null)?.role === "monitor",
    ).length;
    if (monitors > limits.maxMonitors)
      problems.push(over("maxMonitors", limits, "nodes", `${formatCount(monitors)} monitors`));
  }
  const groups = Array.isArray(scenario.clients)
    ? scenario.clients
    : scenario.clients === undefined
      ? []
      : [scenario.clients];
  if (groups.length > limits.maxClientGroups)
    problems.push(
      over("maxClientGroups", limits, "clients", `${formatCount(groups.length)} client groups`),
    );
  else {
    const connections = groups.reduce((sum: number, group) => sum + connectionsOf(group), 0);
    if (connections > limits.maxConnections)
      problems.push(
        over("maxConnections", limits, "clients", `${formatCount(connections)} connections`),
      );
  }
  if (Array.isArray(scenario.faults) && scenario.faults.length > limits.maxFaults) {
    problems.push(
      over("maxFaults", limits, "faults", `${formatCount(scenario.faults.length)} faults`),
    );
  }
  return problems;
}

function connectionsOf(group: unknown): number {
  if (group === null || typeof group !== "object") return 0;
  const { connections, sessions } = group as {
    connections?: unknown;
    sessions?: { users?: unknown };
  };
  const users = sessions?.users;
  const count =
    typeof users === "number" ? users : typeof connections === "number" ? connections : 0;
  return Number.isFinite(count) && count > 0 ? count : 0;
}

/** About how many faults chaos will draw: crash and restart per node and cycle, one per episode. */
export function expectedChaosFaults(plan: ChaosPlan, durationUs: number): number {
  let count = 0;
  if (plan.crash)
    count += (2 * plan.crash.targets.length * durationUs) / (plan.crash.mtbfUs + plan.crash.mttrUs);
  for (const episodes of [plan.blip, plan.pause])
    if (episodes) count += durationUs / episodes.everyUs;
  return count;
}

export function chaosProblem(
  plan: ChaosPlan,
  durationUs: number,
  written: number,
  limits: Limits,
): Problem | undefined {
  const expected = expectedChaosFaults(plan, durationUs);
  if (written + expected <= limits.maxFaults) return undefined;
  return over(
    "maxFaults",
    limits,
    "chaos",
    `about ${formatCount(expected)} faults drawn over ${formatDuration(durationUs)}`,
  );
}

export interface Estimate {
  events: number;
  memoryMb: number;
  /** What dominates the events, for the message: "writes 1,000,000/s × 30d". */
  eventsBecause: string;
}

export function estimateRun(world: WorldConfig, keptTrace: "none" | "changes" | "full"): Estimate {
  const durationS = world.durationUs / 1e6;
  const dataNodes = world.nodes.filter(
    (node) => node.role !== "monitor" && node.role !== "witness",
  ).length;
  const monitors = world.nodes.length - dataNodes;
  const running = world.nodes.filter(
    (node) => node.role === "standby" && node.readiness !== "cold",
  ).length;
  const parts: [string, number][] = [];
  let requests = 0;
  for (const group of world.clients) {
    parts.push([
      `${group.name}: ${formatCount(group.writesPerSecond)} writes/s`,
      writeEvents(world, group.writesPerSecond, running, routingKindOf(group.routing.kind).target),
    ]);
    if (group.readsPerSecond > 0)
      parts.push([
        `${group.name}: ${formatCount(group.readsPerSecond)} reads/s`,
        group.readsPerSecond * 3 * durationS,
      ]);
    requests += (group.writesPerSecond + group.readsPerSecond) * durationS;
    const routing = routingKindOf(group.routing.kind).estimate(group.routing, world.durationUs);
    if (routing !== null) parts.push([`${group.name}: ${routing.label}`, routing.events]);
  }
  const rounds = world.durationUs / world.detector.intervalUs;
  parts.push([
    `monitors: ${monitors} every ${formatDuration(world.detector.intervalUs)}`,
    rounds * monitors * (5 * dataNodes + monitors),
  ]);
  parts.push([
    `status reports every ${formatDuration(world.replication.statusIntervalUs)}`,
    (2 * dataNodes * world.durationUs) / world.replication.statusIntervalUs,
  ]);
  const holdsLease = fencingMechanisms(world.failover.fencing).holdsLease;
  if (detectorKindOf(world.detector.kind).heardBy === "leases" || holdsLease) {
    // Under lease fencing, the primary also looks at its lease about once a renewal.
    const perRenewal = 3 * dataNodes + (holdsLease ? 1 : 0);
    parts.push([
      `lease renewals every ${formatDuration(world.failover.lease.renewEveryUs)}`,
      (perRenewal * world.durationUs) / world.failover.lease.renewEveryUs,
    ]);
  }
  parts.push([`${world.faults.length} faults`, world.faults.length * 10]);
  const events = parts.reduce((sum, [, count]) => sum + count, 0);
  const largest = parts.reduce((best, part) => (part[1] > best[1] ? part : best));
  const connections = world.clients.reduce(
    (sum, group) => sum + (group.sessions?.users ?? group.connections),
    0,
  );
  const kept =
    keptTrace === "full"
      ? requests * 3.4 + world.faults.length * 2.5
      : keptTrace === "changes"
        ? world.faults.length * 2.5
        : 0;
  const memoryMb =
    120 +
    connections * 1e-4 +
    world.clients.length * 0.9 +
    world.faults.length * 1e-3 +
    world.nodes.length * 0.1 +
    kept * 1.5e-4;
  return {
    events,
    memoryMb,
    eventsBecause: `${largest[0]} over ${formatDuration(world.durationUs)}`,
  };
}

/** Per write request, in events: 3 on the way (issue, delivery, reply), and 1.5 for service at
 *  a node of limited capacity, timeouts and retries (measured on the shipped scenarios: the
 *  estimate was at least the events run for every one of them). */
const perRequest = 4.5;

/** Events of a client group's writes over the run: perRequest each and, for a database write,
 *  its share of the primary's ship ticks (log-sender.ts). A tick ships every entry due, so there
 *  are at most as many ticks as writes and at most one per ship window; each is the tick and a
 *  delivery per running standby, and an acknowledgement per standby under the modes that wait
 *  for them. Ticks are counted as if every write had one of its own below the window's rate,
 *  which errs on the high side. */
function writeEvents(
  world: WorldConfig,
  writesPerSecond: number,
  running: number,
  target: "primary" | "pool",
): number {
  const durationS = world.durationUs / 1e6;
  if (target === "pool") return writesPerSecond * perRequest * durationS;
  const { shipWindowUs, mode } = world.replication;
  const ticksPerSecond =
    shipWindowUs > 0 ? Math.min(writesPerSecond, 1e6 / shipWindowUs) : writesPerSecond;
  const perTick = 1 + running * (mode === "async" ? 1 : 2);
  return (writesPerSecond * perRequest + ticksPerSecond * perTick) * durationS;
}

/** The resolved world against the limits: monitors, connections and faults as resolved, then the
 *  estimated events and memory. */
export function checkWorldLimits(
  world: WorldConfig,
  limits: Limits,
  keptTrace: "none" | "changes" | "full",
): Problem[] {
  const problems: Problem[] = [];
  if (world.faults.length > limits.maxFaults)
    problems.push(
      over("maxFaults", limits, "faults", `${formatCount(world.faults.length)} faults`),
    );
  const estimate = estimateRun(world, keptTrace);
  if (estimate.events > limits.maxEvents) {
    problems.push(
      over(
        "maxEvents",
        limits,
        "(the run)",
        `about ${formatCount(estimate.events)} events, mostly ${estimate.eventsBecause}`,
      ),
    );
  }
  if (estimate.memoryMb > limits.maxMemoryMb) {
    const trace = keptTrace === "full" ? " (with --trace full)" : "";
    problems.push(
      over(
        "maxMemoryMb",
        limits,
        "(the run)",
        `about ${formatCount(estimate.memoryMb)} MB of memory${trace}`,
      ),
    );
  }
  return problems;
}
