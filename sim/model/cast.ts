// Builds the cast of a run from its configuration: data nodes, monitors and witnesses, pool
// servers, client groups, each with its network endpoint index (nodes in declaration order, then
// client groups) and its own named random stream (a group's reads have one of their own, so
// adding reads leaves the writes' draws alone). Monitors watch the data nodes only: pool servers
// are never probed, suspected or promoted.
import type { RngStreams } from "../engine/index.ts";
import { ClientGroup, type ClientWorld } from "./client-group.ts";
import { createClusterState, type ClusterState } from "./cluster-state.ts";
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
  byName: Map<string, Actor>;
  /** The cluster state the monitors share (the controller's decisions replace it). */
  cluster: { state: ClusterState };
  /** Names of every monitor and witness. */
  monitorNames: string[];
}

export function buildCast(
  config: WorldConfig,
  history: History,
  rng: RngStreams,
  world: NodeWorld & MonitorWorld & ClientWorld & ServerWorld,
): Cast {
  // A pool-only scenario has no primary (nor standbys).
  const primary = config.nodes.find((node) => node.role === "primary")?.name ?? "";
  const standbys = config.nodes.filter((node) => node.role === "standby");
  const dataNames = [...(primary === "" ? [] : [primary]), ...standbys.map((node) => node.name)];
  // Where reads from standbys go: every database node that runs (cold standbys are off).
  const readTargets = config.nodes
    .filter(
      (node) => node.role === "primary" || (node.role === "standby" && node.readiness !== "cold"),
    )
    .map((node) => node.name);
  // Cold standbys are off: the primary starts streaming to the running ones only.
  const streaming = standbys.filter((node) => node.readiness !== "cold").map((node) => node.name);
  const monitorNames = config.nodes
    .filter((node) => node.role === "monitor" || node.role === "witness")
    .map((node) => node.name);
  const zones = new Map(config.nodes.map((node) => [node.name, node.zone]));
  const routers = config.clients.map((client) => client.name);
  const isr = config.replication.mode === "isr" ? streaming : null;
  const cluster = { state: createClusterState(primary, isr) };
  const cast: Cast = {
    actors: [],
    dataNodes: [],
    monitors: [],
    servers: [],
    clients: [],
    byName: new Map(),
    cluster,
    monitorNames,
  };

  config.nodes.forEach((node, index) => {
    let actor: Actor;
    if (node.role === "monitor" || node.role === "witness") {
      const peers = monitorNames.filter((name) => name !== node.name);
      const setup = {
        dataNodes: dataNames,
        peers,
        routers,
        zones,
        detector: config.detector,
        policy: config.failover,
        cluster,
      };
      actor = new Monitor(
        node.name,
        index,
        node.role === "monitor",
        setup,
        rng.stream(`monitor:${node.name}`),
        world,
      );
      cast.monitors.push(actor);
    } else if (node.role === "server") {
      actor = new PoolServer(node, index, world);
      cast.servers.push(actor);
    } else {
      const log = { timeline: history.root, length: 0 };
      actor = new DataNode(
        node,
        index,
        log,
        primary,
        streaming,
        rng.stream(`node:${node.name}`),
        world,
        { failover: config.failover, replication: config.replication },
      );
      cast.dataNodes.push(actor);
    }
    cast.actors.push(actor);
    cast.byName.set(node.name, actor);
  });
  config.clients.forEach((client, i) => {
    const readRng = rng.stream(`client-reads:${client.name}`);
    const group = new ClientGroup(
      client,
      config.nodes.length + i,
      primary,
      rng.stream(`client:${client.name}`),
      world,
      readTargets,
      readRng,
    );
    cast.clients.push(group);
    cast.actors.push(group);
    cast.byName.set(client.name, group);
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
