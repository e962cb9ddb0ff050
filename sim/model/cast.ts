// Builds the cast of a run from its configuration: data nodes, monitors and witnesses, pool
// servers, client groups, each with its network endpoint index (nodes in declaration order, then
// client groups) and its own named random stream (a group's reads have one of their own, so
// adding reads leaves the writes' draws alone). Monitors watch the data nodes only: pool servers
// are never probed, suspected or promoted.
import type { RngStreams } from "../engine/index.ts";
import { ActorNames } from "./actor-names.ts";
import { ClientGroup, type ClientWorld } from "./client-group.ts";
import { createClusterState, type ClusterState } from "./cluster-state.ts";
import type { NodeConfig } from "./config.ts";
import type { WorldConfig } from "./world-config.ts";
import { DataNode, type NodeWorld } from "./data-node.ts";
import type { History } from "./history.ts";
import { Monitor, type MonitorWorld } from "./monitor.ts";
import { PoolServer, type ServerWorld } from "./pool-server.ts";

export type Actor = DataNode | Monitor | PoolServer | ClientGroup;
/** What faults and the restart policy start and stop: every actor but a client group. */
export type Process = DataNode | Monitor | PoolServer;

export interface Cast {
  actors: Actor[];
  dataNodes: DataNode[];
  monitors: Monitor[];
  servers: PoolServer[];
  clients: ClientGroup[];
  byName: ActorNames<Actor>;
  /** The cluster state the monitors share (the controller's decisions replace it). */
  cluster: { state: ClusterState };
  /** Names of every monitor and witness. */
  monitorNames: string[];
}

type CastWorld = NodeWorld & MonitorWorld & ClientWorld & ServerWorld;

/** Who is where, as the actors are handed it. */
interface Layout {
  /** The primary's name; "" in a pool-only scenario (no primary, nor standbys). */
  primary: string;
  /** The data nodes monitors watch: the primary, then the standbys; and their endpoints. */
  dataNames: string[];
  dataEndpoints: number[];
  /** Where reads from standbys go: every database node that runs (cold standbys are off). */
  readTargets: string[];
  /** The standbys the primary starts streaming to: the running ones (cold standbys are off). */
  streaming: string[];
  monitorNames: string[];
  zones: Map<string, string>;
  routers: string[];
}

function layoutOf(config: WorldConfig): Layout {
  const primary = config.nodes.find((node) => node.role === "primary")?.name ?? "";
  const standbys = config.nodes.filter((node) => node.role === "standby");
  const running = (node: NodeConfig) =>
    node.role === "primary" || (node.role === "standby" && node.readiness !== "cold");
  const dataNames = [...(primary === "" ? [] : [primary]), ...standbys.map((node) => node.name)];
  return {
    primary,
    dataNames,
    dataEndpoints: dataNames.map((name) => config.nodes.findIndex((node) => node.name === name)),
    readTargets: config.nodes.filter(running).map((node) => node.name),
    streaming: standbys.filter((node) => node.readiness !== "cold").map((node) => node.name),
    monitorNames: config.nodes
      .filter((node) => node.role === "monitor" || node.role === "witness")
      .map((node) => node.name),
    zones: new Map(config.nodes.map((node) => [node.name, node.zone])),
    routers: config.clients.map((client) => client.name),
  };
}

export function buildCast(
  config: WorldConfig,
  history: History,
  rng: RngStreams,
  world: CastWorld,
): Cast {
  const layout = layoutOf(config);
  const isr = config.replication.mode === "isr" ? layout.streaming : null;
  const cluster = { state: createClusterState(layout.primary, isr) };
  const cast: Cast = {
    actors: [],
    dataNodes: [],
    monitors: [],
    servers: [],
    clients: [],
    byName: new ActorNames(),
    cluster,
    monitorNames: layout.monitorNames,
  };
  const join = (actor: Actor, name: string) => {
    cast.actors.push(actor);
    cast.byName.set(name, actor);
  };
  config.nodes.forEach((node, index) => {
    if (node.role === "monitor" || node.role === "witness") {
      const setup = {
        dataNodes: layout.dataNames,
        dataEndpoints: layout.dataEndpoints,
        peers: layout.monitorNames.filter((name) => name !== node.name),
        routers: layout.routers,
        zones: layout.zones,
        detector: config.detector,
        policy: config.failover,
        cluster,
      };
      const leads = node.role === "monitor";
      const monitorRng = rng.stream(`monitor:${node.name}`);
      const roundsRng = rng.stream(`rounds:${node.name}`);
      const monitor = new Monitor(node.name, index, leads, setup, monitorRng, world, roundsRng);
      cast.monitors.push(monitor);
      join(monitor, node.name);
    } else if (node.role === "server") {
      const server = new PoolServer(node, index, world);
      cast.servers.push(server);
      join(server, node.name);
    } else {
      const log = { timeline: history.root, length: 0 };
      const { primary, streaming } = layout;
      const policy = { failover: config.failover, replication: config.replication };
      const nodeRng = rng.stream(`node:${node.name}`);
      const dataNode = new DataNode(node, index, log, primary, streaming, nodeRng, world, policy);
      cast.dataNodes.push(dataNode);
      join(dataNode, node.name);
    }
  });
  config.clients.forEach((client, i) => {
    const readRng = rng.stream(`client-reads:${client.name}`);
    const index = config.nodes.length + i;
    const clientRng = rng.stream(`client:${client.name}`);
    const { primary, readTargets } = layout;
    const group = new ClientGroup(client, index, primary, clientRng, world, readTargets, readRng);
    cast.clients.push(group);
    join(group, client.name);
  });
  return cast;
}

/** A process by name; a client group is none. */
export function processOf(cast: Cast, name: string): Process {
  const actor = cast.byName.get(name);
  if (actor === undefined) throw new Error(`unknown endpoint ${name}`);
  if (actor instanceof ClientGroup) throw new Error(`${name} is a client group, not a process`);
  return actor;
}

/** The processes placed in a zone: database nodes, monitors and pool servers. */
export function processesIn(cast: Cast, config: WorldConfig, zone: string): Process[] {
  return [...cast.dataNodes, ...cast.monitors, ...cast.servers].filter(
    (process) => config.nodes[process.index].zone === zone,
  );
}
