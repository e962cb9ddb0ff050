// From a scenario as written (unknown data from a file, possibly changed by --set) to the world
// the model runs: shape checked by the zod schema, a `policy` (a preset) folded in (policy.ts),
// defaults filled from defaults.ts and the kinds' modules, names and cross-field rules checked,
// every duration in whole microseconds. Problems are collected, not stopped at: one ScenarioError
// holds them all, each naming the file and the field (the policy's field when the policy
// supplied the value). When the shape is wrong only in fields that can be left out (salvage.ts),
// the rules that relate fields are still checked on the rest, so a file's mistakes all show in
// one run. Chaos is held against the fault limit before it is drawn. Pure: no I/O, no clock.
import {
  routingKindIn,
  routingKindOf,
  type ClientConfig,
  type NodeConfig,
  type WorldConfig,
} from "../model/index.ts";
import { defaults } from "./defaults.ts";
import {
  parseDuration,
  parseRate,
  parseRateOrUnlimited,
  buildEndpoints,
  collecting,
  describeValue,
  reportAt,
  ScenarioError,
  type ResolveContext,
  type ScenarioErrorInit,
} from "../dsl/index.ts";
import { resolveExpectations, type Expectation } from "./expectation.ts";
import { problemsFromIssues } from "./issues.ts";
import { chaosProblem } from "./limit-estimates.ts";
import { withDefaults, type Limits } from "./limits.ts";
import { salvage } from "./salvage.ts";
import { resolveNetwork } from "./links.ts";
import { applyPolicy, writtenAt } from "./policy.ts";
import { resolveFaults } from "./resolve-faults.ts";
import { drawChaos } from "./chaos.ts";
import { resolveDetector, resolveFailover } from "./resolve-policy.ts";
import { scenarioSchema, type ParsedClient, type ParsedScenario } from "./schema.ts";
import { resolveTeaching, type Teaching } from "./teaching.ts";

export interface ResolveOptions {
  /** The scenario file as the user typed it; every error message starts with it. */
  file: string;
  /** From --seed: replaces the scenario's seed. */
  seed?: number;
  /** The fault limit applies to chaos before its faults are drawn (limits.ts). */
  limits?: Partial<Limits>;
}

export interface ResolvedScenario {
  name: string;
  summary: string;
  /** Story, lesson, questions and key figures (teaching.ts). */
  teaching: Teaching;
  world: WorldConfig;
  expect: Expectation[];
}

/** 400 days: long enough for any study of failover, short enough to keep runs bounded. */
export const maxDurationUs = parseDuration("400d");

export function resolveScenario(scenario: unknown, options: ResolveOptions): ResolvedScenario {
  const problems: ScenarioErrorInit[] = [];
  const parsed = scenarioSchema.safeParse(scenario);
  if (parsed.success) {
    const resolved = resolveParsed(
      parsed.data,
      { file: options.file, input: scenario, problems },
      options,
    );
    if (problems.length > 0) throw new ScenarioError(problems);
    return resolved;
  }
  problems.push(
    ...problemsFromIssues(parsed.error.issues, {
      file: options.file,
      input: scenario,
      schema: scenarioSchema,
    }),
  );
  const rest = salvage(scenario, parsed.error.issues);
  const reparsed = rest && scenarioSchema.safeParse(rest.scenario);
  if (rest && reparsed?.success) {
    const later: ScenarioErrorInit[] = [];
    collecting(
      { file: options.file, input: rest.scenario, problems: later },
      undefined,
      () =>
        void resolveParsed(
          reparsed.data,
          { file: options.file, input: rest.scenario, problems: later },
          options,
        ),
    );
    problems.push(
      ...later.filter(
        (problem) =>
          !rest.removed.some(
            (field) =>
              problem.field === field ||
              problem.field.startsWith(`${field}.`) ||
              problem.field.startsWith(`${field}[`),
          ),
      ),
    );
  }
  throw new ScenarioError(problems);
}

function resolveParsed(
  parsed: ParsedScenario,
  context: ResolveContext,
  options: ResolveOptions,
): ResolvedScenario {
  const spec = applyPolicy(parsed);
  if (spec.duration > maxDurationUs)
    reportAt(context, ["duration"], `a duration of at most "400d"`);

  const nodes = resolveNodes(spec, context);
  const clients = resolveClients(spec.clients, nodes, context);
  checkNamesDistinct(nodes, clients, context);
  const endpoints = buildEndpoints(nodes, clients);
  const seed = resolveSeed(spec.seed, options);
  const world: WorldConfig = {
    name: spec.name,
    seed,
    durationUs: spec.duration,
    nodes,
    // A part that failed is recorded and stood in for: the world is not built when there are problems.
    network: collecting(context, undefined as unknown as WorldConfig["network"], () =>
      resolveNetwork(spec.network, endpoints, context),
    ),
    replication: resolveReplication(spec, nodes, context),
    detector: resolveDetector(spec),
    failover: collecting(context, undefined as unknown as WorldConfig["failover"], () =>
      resolveFailover(spec, nodes, context),
    ),
    clients,
    faults: [
      ...collecting(context, [], () =>
        resolveFaults(spec.faults ?? [], spec.duration, endpoints, context),
      ),
      ...collecting(context, [], () =>
        resolveChaos(spec, nodes, clients, context, seed, withDefaults(options.limits)),
      ),
    ].sort((a, b) => a.atUs - b.atUs),
  };
  const expect = collecting(context, [], () => resolveExpectations(spec.expect, context));
  const teaching = resolveTeaching(spec, context);
  return { name: spec.name, summary: spec.summary, teaching, world, expect };
}

/**
 * Replication settings. A synchronous mode needs as many running (hot or warm) standbys as the
 * acknowledgements it waits for, or no write could ever be acknowledged.
 */
function resolveReplication(
  spec: ParsedScenario,
  nodes: NodeConfig[],
  context: ResolveContext,
): WorldConfig["replication"] {
  const replication = spec.replication;
  const mode = replication?.mode ?? defaults.replication.mode;
  const running = nodes.filter(
    (node) => node.role === "standby" && node.readiness !== "cold",
  ).length;
  // Quorum: a majority of the cluster (primary plus running standbys), the primary counting as one.
  const defaultWaitFor =
    mode === "quorum" ? Math.max(1, Math.floor((running + 1) / 2)) : defaults.replication.waitFor;
  const waitFor = replication?.waitFor ?? defaultWaitFor;
  if (mode !== "async" && waitFor > running) {
    const field =
      replication?.waitFor !== undefined ? ["replication", "waitFor"] : ["replication", "mode"];
    reportAt(
      context,
      writtenAt(context.input, field),
      `at most as many acknowledgements as running (hot or warm) standbys, ${running}, for "${mode}" replication`,
      `waitFor ${waitFor}`,
    );
  }
  return {
    mode,
    lagUs: replication?.lag ?? parseDuration(defaults.replication.lag),
    applyDelayUs: replication?.applyDelay ?? parseDuration(defaults.replication.applyDelay),
    statusIntervalUs:
      replication?.statusInterval ?? parseDuration(defaults.replication.statusInterval),
    waitFor,
    semiSyncTimeoutUs:
      replication?.semiSyncTimeout ?? parseDuration(defaults.replication.semiSyncTimeout),
  };
}

function resolveSeed(scenarioSeed: number | undefined, options: ResolveOptions): number {
  if (options.seed === undefined) return scenarioSeed ?? defaults.seed;
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) {
    throw new ScenarioError({
      file: options.file,
      field: "--seed",
      expected: "a whole number from 0 to 2^53 - 1",
      got: describeValue(options.seed),
    });
  }
  return options.seed;
}

function resolveNodes(spec: ParsedScenario, context: ResolveContext): NodeConfig[] {
  const nodes = Object.entries(spec.nodes).map(([name, node]): NodeConfig => {
    const readiness = node.role === "standby" ? (node.readiness ?? defaults.node.readiness) : "hot";
    const column: Partial<Record<string, string | number>> = defaults.readiness[readiness];
    const cold = defaults.readiness.cold;
    const durationOf = (value: string | number | undefined, fallback: string) =>
      parseDuration(String(value ?? fallback));
    return {
      name,
      role: node.role,
      zone: node.zone ?? defaults.node.zone,
      readiness,
      promoteInUs: node.promoteIn ?? durationOf(column.promoteIn, cold.promoteIn),
      costPerHour: node.costPerHour ?? Number(column.costPerHour),
      applyRatePerS: node.applyRate ?? parseRateOrUnlimited(String(column.applyRate)),
      applyEveryUs: node.applyEvery ?? durationOf(column.applyEvery, "0s"),
      warmUpUs: node.warmUp ?? durationOf(column.warmUp, "0s"),
      warmUpCapacity: node.warmUpCapacity ?? Number(column.warmUpCapacity),
      bootInUs: node.bootIn ?? durationOf(column.bootIn, cold.bootIn),
      restoreInUs: node.restoreIn ?? durationOf(column.restoreIn, cold.restoreIn),
      backupEveryUs: node.backupEvery ?? durationOf(column.backupEvery, cold.backupEvery),
      archiveEveryUs: node.archiveEvery ?? durationOf(column.archiveEvery, cold.archiveEvery),
      capacityPerS: node.capacity ?? parseRateOrUnlimited(defaults.node.capacity),
      queueLimitUs: node.queueLimit ?? parseDuration(defaults.node.queueLimit),
    };
  });
  nodes.forEach((node) => {
    if (node.role !== "standby" && spec.nodes[node.name].readiness !== undefined) {
      reportAt(
        context,
        ["nodes", node.name, "readiness"],
        `no readiness on a ${node.role} (readiness describes a standby)`,
        JSON.stringify(spec.nodes[node.name].readiness),
      );
    }
  });
  // A pool of servers alone needs no database; a database needs its primary and a monitor.
  const poolOnly =
    nodes.some((node) => node.role === "server") &&
    !nodes.some((node) => node.role === "primary" || node.role === "standby");
  if (poolOnly) return nodes;
  const primaries = nodes.filter((node) => node.role === "primary").map((node) => node.name);
  if (primaries.length !== 1) {
    const got = primaries.length === 0 ? "none" : `${primaries.length} (${primaries.join(", ")})`;
    reportAt(context, ["nodes"], `exactly one node with role "primary"`, got);
  }
  if (!nodes.some((node) => node.role === "monitor")) {
    reportAt(
      context,
      ["nodes"],
      `at least one node with role "monitor" (failures are detected by monitors)`,
      "none",
    );
  }
  return nodes;
}

function resolveClients(
  clients: ParsedScenario["clients"],
  nodes: NodeConfig[],
  context: ResolveContext,
): ClientConfig[] {
  if (clients === undefined) return [];
  const primaryZone = nodes.find((node) => node.role === "primary")?.zone ?? defaults.node.zone;
  const groups: ParsedClient[] = Array.isArray(clients) ? clients : [clients];
  const resolved = groups.map((group, index): ClientConfig => {
    const at = (...rest: PropertyKey[]): PropertyKey[] =>
      Array.isArray(clients) ? ["clients", index, ...rest] : ["clients", ...rest];
    const routing = resolveRouting(group.routing, nodes, at, context);
    const watched = routingKindOf(routing.kind).watches(routing);
    const servers = nodes.filter((node) => watched.includes(node.name));
    return {
      name:
        group.name ??
        (Array.isArray(clients) ? `${defaults.clients.name}-${index + 1}` : defaults.clients.name),
      // Clients sit next to their database by default; a pool's, next to its first server.
      zone: group.zone ?? servers[0]?.zone ?? primaryZone,
      writesPerSecond: group.writes,
      arrivals: group.arrivals ?? defaults.clients.arrivals,
      timeoutUs: group.timeout ?? parseDuration(defaults.clients.timeout),
      routing,
      connections: group.connections ?? defaults.clients.connections,
      retries: group.retries ?? defaults.clients.retries,
      backoffUs: group.backoff ?? parseDuration(defaults.clients.backoff),
      reconnectUs: group.reconnectIn ?? parseDuration(defaults.clients.reconnectIn),
      ...resolveReads(group, routing, nodes, at, context),
      sessions: resolveSessions(group, routing, at, context),
    };
  });
  resolved.forEach((client, index) => {
    const earlier = resolved.findIndex((other) => other.name === client.name);
    if (earlier !== index)
      reportAt(
        context,
        ["clients", index, "name"],
        `a name no other client group has (clients[${earlier}] is ${JSON.stringify(client.name)})`,
        JSON.stringify(client.name),
      );
  });
  return resolved;
}

/** The chaos plan's node lists default to the database nodes and pool servers; names must be such nodes. */
function resolveChaos(
  spec: ParsedScenario,
  nodes: NodeConfig[],
  clients: ClientConfig[],
  context: ResolveContext,
  seed: number,
  limits: Limits,
) {
  const chaos = spec.chaos;
  if (chaos === undefined) return [];
  const dataNodes = nodes
    .filter((node) => node.role === "primary" || node.role === "standby" || node.role === "server")
    .map((node) => node.name);
  const pick = (list: string[] | undefined, kind: string): string[] => {
    (list ?? []).forEach((name, index) => {
      if (!dataNodes.includes(name))
        reportAt(
          context,
          ["chaos", kind, "nodes", index],
          `a database node or pool server: ${dataNodes.join(", ")}`,
        );
    });
    return list ?? dataNodes;
  };
  const episodes = (kind: "blip" | "pause") => {
    const entry = chaos[kind];
    return (
      entry && {
        everyUs: entry.every,
        minUs: entry.for.minUs,
        maxUs: entry.for.maxUs,
        nodes: pick(entry.nodes, kind),
      }
    );
  };
  const plan = {
    crash: chaos.crash && {
      mtbfUs: chaos.crash.mtbf,
      mttrUs: chaos.crash.mttr,
      nodes: pick(chaos.crash.nodes, "crash"),
    },
    blip: episodes("blip"),
    pause: episodes("pause"),
  };
  const tooMany = chaosProblem(plan, spec.duration, spec.faults?.length ?? 0, limits);
  if (tooMany !== undefined) {
    reportAt(context, [tooMany.field], tooMany.expected, tooMany.got);
    return [];
  }
  const endpoints = [...nodes.map((node) => node.name), ...clients.map((client) => client.name)];
  return drawChaos(plan, seed, spec.duration, endpoints);
}

type ClientPath = (...rest: PropertyKey[]) => PropertyKey[];

/** Each routing kind resolves its own form (model/routing/<kind>.ts); one that sends to the
 *  primary needs a primary. */
function resolveRouting(
  routing: ParsedClient["routing"],
  nodes: NodeConfig[],
  at: ClientPath,
  context: ResolveContext,
): ClientConfig["routing"] {
  const chosen = routing ?? defaults.clients.routing;
  const kind = routingKindIn(chosen);
  const module = routingKindOf(kind);
  if (module.target === "primary" && !nodes.some((node) => node.role === "primary")) {
    // Without servers, the missing primary is already reported (resolveNodes).
    if (nodes.some((node) => node.role === "server")) {
      reportAt(
        context,
        at("routing"),
        `routing { lb: {} }: the scenario has no primary, only servers behind a load balancer`,
        JSON.stringify(routing ?? chosen),
      );
    }
    return { kind: "proxy" };
  }
  const form = typeof chosen === "string" ? chosen : (chosen as Record<string, unknown>)[kind];
  return module.resolve(form, { context, at, nodes });
}

/** Reads go to a database: not through a load balancer; from standbys only when one runs. */
function resolveReads(
  group: ParsedClient,
  routing: ClientConfig["routing"],
  nodes: NodeConfig[],
  at: ClientPath,
  context: ResolveContext,
) {
  const readsPerSecond = group.reads ?? parseRate(defaults.clients.reads);
  const readFrom = group.readFrom ?? defaults.clients.readFrom;
  if (readsPerSecond > 0 && routingKindOf(routing.kind).target === "pool") {
    reportAt(
      context,
      at("reads"),
      `no reads with load-balancer routing (a pool's requests are its writes; reads go to a database)`,
    );
  }
  const runningStandbys = nodes.filter(
    (node) => node.role === "standby" && node.readiness !== "cold",
  ).length;
  if (readsPerSecond > 0 && readFrom === "standbys" && runningStandbys === 0) {
    reportAt(
      context,
      at("readFrom"),
      `"primary" or "any": reading from "standbys" needs a hot or warm standby, and the scenario has none`,
    );
  }
  return {
    readsPerSecond,
    readFrom,
    readRecheckUs: group.readRecheck ?? parseDuration(defaults.clients.readRecheck),
  };
}

function resolveSessions(
  group: ParsedClient,
  routing: ClientConfig["routing"],
  at: ClientPath,
  context: ResolveContext,
): ClientConfig["sessions"] {
  if (group.sessions === undefined) return null;
  if (routingKindOf(routing.kind).target !== "pool") {
    reportAt(
      context,
      at("sessions"),
      `no sessions without load-balancer routing (sessions belong to a pool's users: routing { lb: {} })`,
    );
    return null;
  }
  return {
    users: group.sessions.users,
    store: group.sessions.store ?? defaults.clients.sessionStore,
  };
}

/** A name used in faults and links must mean one thing: node, client group and zone names never clash. */
function checkNamesDistinct(
  nodes: NodeConfig[],
  clients: ClientConfig[],
  context: ResolveContext,
): void {
  const nodeNames = new Set(nodes.map((node) => node.name));
  const clientPath = (index: number): PropertyKey[] =>
    Array.isArray(valueOfClients(context)) ? ["clients", index, "name"] : ["clients", "name"];
  clients.forEach((client, index) => {
    if (nodeNames.has(client.name))
      reportAt(
        context,
        clientPath(index),
        `a client group name that no node has`,
        JSON.stringify(client.name),
      );
  });
  const endpointNames = new Set([...nodeNames, ...clients.map((client) => client.name)]);
  for (const node of nodes) {
    if (endpointNames.has(node.zone))
      reportAt(
        context,
        ["nodes", node.name, "zone"],
        `a zone name that is not also a node or client group name`,
        JSON.stringify(node.zone),
      );
  }
  clients.forEach((client, index) => {
    const path = Array.isArray(valueOfClients(context))
      ? ["clients", index, "zone"]
      : ["clients", "zone"];
    if (endpointNames.has(client.zone))
      reportAt(
        context,
        path,
        `a zone name that is not also a node or client group name`,
        JSON.stringify(client.zone),
      );
  });
}

function valueOfClients(context: ResolveContext): unknown {
  return (context.input as { clients?: unknown }).clients;
}
