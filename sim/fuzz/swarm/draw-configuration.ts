// Draws a whole configuration for one swarm run, as a scenario in the DSL's own plain data
// (without faults): a database cluster — a primary, one to three standbys of drawn readiness, one
// to three monitors and sometimes a witness, over two or three zones — or, one time in ten, an
// active-active pool of servers behind a load balancer; a network; either a preset's whole policy
// (one time in four) or a drawn detector (its rounds jittered one time in three), replication
// mode and failover policy (fencing, failback, rejoin, quorum, anti-flapping, zone and lag
// limits); and client groups with drawn routing, retries, reads and sometimes a circuit breaker;
// some nodes restart on their own (a restart policy), a standby may serve only one of two client
// groups (a partial stand-in), and a pool's servers may be autoscaled fleets. The network's
// latency is a distribution one time in three. Every value of every registry is drawn uniformly
// (option-draws.ts). The duration is set afterwards (draw-case.ts), once the policy's settle
// period is known.
// With a base scenario, its nodes, zones, network and clients stay, and only the policy, the
// standbys' readiness and the routing are drawn.
import type { Rng } from "../../engine/index.ts";
import type {
  ClientSpec,
  FailoverSpec,
  NetworkSpec,
  NodeSpec,
  PolicySpec,
} from "../../scenario/index.ts";
import {
  arrivalChoices,
  detectorKinds,
  failbackChoices,
  fencingChoices,
  presetNames,
  presets,
  readFromChoices,
  readinessChoices,
  rejoinChoices,
  replicationModes,
  routingKinds,
  sessionStores,
} from "../../scenario/index.ts";
import {
  detectorKindOf,
  fencingMechanisms,
  latencyKinds,
  routingKindOf,
} from "../../model/index.ts";
import {
  detectorDraws,
  drawAutoscale,
  drawBreaker,
  drawDuration,
  drawInt,
  drawNetwork,
  drawRestart,
  failbackDraws,
  fencingDraws,
  readinessDraws,
  rejoinDraws,
  replicationDraws,
  routingDraws,
  type DrawContext,
} from "./option-draws.ts";

export type ScenarioData = Record<string, unknown> & { nodes: Record<string, NodeSpec> };

const sUs = 1_000_000;
const msUs = 1000;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

/** A drawn configuration: the scenario's fields but `duration` and `faults`. */
export function drawConfiguration(rng: Rng, base?: ScenarioData): ScenarioData {
  if (base !== undefined) return drawOver(rng, base);
  return rng.chance(0.1) ? drawPool(rng) : drawDatabase(rng);
}

function drawDatabase(rng: Rng): ScenarioData {
  const zones = ["a", "b", "c"].slice(0, drawInt(rng, 2, 3));
  const nodes: Record<string, NodeSpec> = { db1: { role: "primary", zone: "a" } };
  const standbys = drawInt(rng, 1, 3);
  for (let i = 0; i < standbys; i++)
    nodes[`db${i + 2}`] = { role: "standby", zone: zones[(i + 1) % zones.length] };
  const monitors = drawInt(rng, 1, 3);
  for (let i = 0; i < monitors; i++)
    nodes[`mon${i + 1}`] = { role: "monitor", zone: zones[(i + 2) % zones.length] };
  if (rng.chance(0.2)) nodes.witness = { role: "witness", zone: pick(rng, zones) };
  const scenario: ScenarioData = { nodes, network: drawAnyNetwork(rng) };
  Object.assign(scenario, drawPolicy(rng, scenario));
  const streaming = Object.values(nodes).some(
    (node) => node.role === "standby" && node.readiness !== "cold",
  );
  for (const node of Object.values(nodes))
    if (rng.chance(0.1)) Object.assign(node, drawRestart(rng));
  const clients = drawClients(rng, zones, streaming);
  // Two groups: a standby may be a partial stand-in serving only the first.
  if (Array.isArray(clients) && standbysOf(nodes).length > 0 && rng.chance(0.3))
    nodes[pick(rng, standbysOf(nodes))].serves = [clients[0].name!];
  return { ...scenario, clients };
}

function standbysOf(nodes: Record<string, NodeSpec>): string[] {
  return Object.keys(nodes).filter((name) => nodes[name].role === "standby");
}

function drawPool(rng: Rng): ScenarioData {
  const zones = ["a", "b"];
  const count = drawInt(rng, 2, 4);
  const nodes: Record<string, NodeSpec> = {};
  const servers: string[] = [];
  for (let i = 0; i < count; i++) {
    servers.push(`s${i + 1}`);
    nodes[`s${i + 1}`] = {
      role: "server",
      zone: zones[i % 2],
      ...(rng.chance(0.2) && drawRestart(rng)),
      ...(rng.chance(0.2) && drawAutoscale(rng)),
    };
  }
  const client: ClientSpec = {
    writes: `${drawInt(rng, 20, 60)}/s`,
    zone: "a",
    routing: routingDraws.lb(rng, { streamingStandbys: 0, servers }),
    ...(rng.chance(0.5) && {
      sessions: { users: drawInt(rng, 10, 200), store: pick(rng, sessionStores) },
    }),
    ...(rng.chance(0.15) && { breaker: drawBreaker(rng) }),
  };
  return { nodes, network: drawAnyNetwork(rng), clients: client };
}

/** The base scenario's cluster with a drawn policy, readiness and routing. */
function drawOver(rng: Rng, base: ScenarioData): ScenarioData {
  const {
    faults: _faults,
    chaos: _chaos,
    expect: _expect,
    policy: _policy,
    detector: _detector,
    replication: _replication,
    failover: _failover,
    duration: _duration,
    ...kept
  } = base;
  const nodes = Object.fromEntries(
    Object.entries(base.nodes).map(([name, node]) => {
      if (node.role !== "standby") return [name, node];
      const { readiness: _readiness, ...rest } = node;
      return [name, { ...rest, ...readinessDraws[pick(rng, readinessChoices)](rng) }];
    }),
  );
  const scenario: ScenarioData = { ...kept, nodes };
  return { ...scenario, ...drawPolicy(rng, scenario) };
}

/** A network with a fixed latency, or one time in three a latency distribution of any kind. */
function drawAnyNetwork(rng: Rng): NetworkSpec {
  return drawNetwork(rng, rng.chance(1 / 3) ? pick(rng, latencyKinds) : "fixed");
}

/** A preset's policy, or a drawn detector, replication and failover policy; readiness of standbys. */
function drawPolicy(rng: Rng, scenario: ScenarioData): Partial<ScenarioData> {
  const names = Object.keys(scenario.nodes);
  const standbys = names.filter((name) => scenario.nodes[name].role === "standby");
  const voters = names.filter(
    (name) => scenario.nodes[name].role === "monitor" || scenario.nodes[name].role === "witness",
  ).length;
  for (const name of standbys)
    Object.assign(scenario.nodes[name], readinessDraws[pick(rng, readinessChoices)](rng));
  const streaming = () =>
    standbys.filter((name) => scenario.nodes[name].readiness !== "cold").length;
  if (rng.chance(0.25)) {
    const policy = presets[pick(rng, presetNames)]() as PolicySpec;
    const synchronous =
      policy.replication?.mode !== undefined && policy.replication.mode !== "async";
    const fencing = policy.failover?.fencing;
    ensureStreaming(
      scenario,
      standbys,
      synchronous || (fencing !== undefined && fencingMechanisms(fencing).needsReplicas),
    );
    // A preset's quorum may count more monitors than the cluster has: keep it within them.
    const quorum = policy.failover?.quorum;
    return quorum !== undefined && quorum > voters
      ? { policy, failover: { quorum: voters } }
      : { policy };
  }
  const mode = pick(rng, replicationModes);
  const fencing = pick(rng, fencingChoices);
  ensureStreaming(scenario, standbys, mode !== "async" || fencingMechanisms(fencing).needsReplicas);
  const context: DrawContext = { streamingStandbys: streaming(), servers: [] };
  const detector = {
    ...detectorDraws[pick(rng, detectorKinds)](rng),
    ...(rng.chance(0.3) && { intervalJitter: Math.round(rng.uniform(5, 50)) / 100 }),
  };
  const failover: FailoverSpec = {
    automatic: rng.chance(0.9),
    quorum: drawInt(rng, 1, Math.max(1, voters)),
    ...fencingDraws[fencing](rng, context),
    ...failbackDraws[pick(rng, failbackChoices)](rng),
    ...rejoinDraws[pick(rng, rejoinChoices)](rng),
    ...(rng.chance(0.2) && { blockFor: drawDuration(rng, 5 * sUs, 60 * sUs) }),
    ...(rng.chance(0.15) && { crossZone: false }),
    ...(rng.chance(0.15) && { maxLagOnFailover: drawDuration(rng, 100 * msUs, 5 * sUs) }),
    ...(mode === "isr" && rng.chance(0.3) && { uncleanElection: true }),
  };
  if (
    detector.kind !== undefined &&
    detectorKindOf(detector.kind).heardBy === "leases" &&
    failover.lease === undefined
  )
    failover.lease = fencingDraws.lease(rng, context).lease;
  if (failover.automatic === false && failover.operator === undefined)
    failover.operator = {
      delay: `${drawDuration(rng, 5 * sUs, 20 * sUs)}..${drawDuration(rng, 20 * sUs, 40 * sUs)}`,
    };
  return { detector, replication: replicationDraws[mode](rng, context), failover };
}

/** A synchronous mode or min-replicas fencing needs a standby that streams: make one hot if none does. */
function ensureStreaming(scenario: ScenarioData, standbys: string[], needed: boolean): void {
  if (!needed || standbys.some((name) => scenario.nodes[name].readiness !== "cold")) return;
  const first = standbys[0];
  const { role, zone } = scenario.nodes[first];
  scenario.nodes[first] = { role, zone, readiness: "hot" };
}

/** Client groups of a database: any routing but a pool's; reads from standbys only if one streams. */
function drawClients(rng: Rng, zones: string[], streaming: boolean): ClientSpec | ClientSpec[] {
  const groups = rng.chance(0.2) ? 2 : 1;
  const routable = routingKinds.filter((kind) => routingKindOf(kind).target === "primary");
  const readable = readFromChoices.filter((choice) => streaming || choice !== "standbys");
  const draw = (index: number): ClientSpec => ({
    ...(groups > 1 && { name: `app${index + 1}` }),
    writes: `${drawInt(rng, 20, 60)}/s`,
    zone: pick(rng, zones),
    routing: routingDraws[pick(rng, routable)](rng, { streamingStandbys: 0, servers: [] }),
    ...(rng.chance(0.3) && {
      retries: drawInt(rng, 1, 3),
      backoff: drawDuration(rng, 10 * msUs, 500 * msUs),
    }),
    ...(rng.chance(0.3) && { connections: drawInt(rng, 2, 8) }),
    arrivals: pick(rng, arrivalChoices),
    ...(rng.chance(0.2) && { reads: `${drawInt(rng, 10, 50)}/s`, readFrom: pick(rng, readable) }),
    ...(rng.chance(0.2) && { timeout: drawDuration(rng, 200 * msUs, 3 * sUs) }),
    ...(rng.chance(0.15) && { breaker: drawBreaker(rng) }),
  });
  return groups === 1 ? draw(0) : [draw(0), draw(1)];
}
