// A scenario's client groups as the model runs them: each group's routing resolved by its
// routing kind (model/routing/<kind>.ts), its reads and sessions checked against that routing,
// defaults from defaults.ts, and names kept distinct — a node, a client group and a zone never
// share a name, so a name in a fault or a link means one thing. Problems are reported into the
// resolve context (every one, with its field), never thrown.
import {
  routingKindIn,
  routingKindOf,
  type ClientConfig,
  type NodeConfig,
} from "../model/index.ts";
import { defaults } from "./defaults.ts";
import { parseDuration, parseRate, reportAt, type ResolveContext } from "../dsl/index.ts";
import type { ParsedClient, ParsedScenario } from "./schema.ts";
import { resolveBreaker } from "./resolve-breaker.ts";

export function resolveClients(
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
      breaker: resolveBreaker(group.breaker, at, context),
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
export function checkNamesDistinct(
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
