// The world: wires nodes, monitors, client groups and the network onto the engine, delivers
// messages, applies faults (applyFault is the one place a fault is interpreted) and, at the end,
// settles which acknowledged writes the final authoritative history lacks.
// The run: clients write during [0, duration); the world then runs on for the longest client
// timeout so every write in flight gets its outcome; then the accounting events are emitted.
import { Fingerprint, RngStreams, Simulation, defaultRunLimits, type RunLimits } from "../engine/index.ts";
import { ClientGroup } from "./client-group.ts";
import type { ScheduledFault, WorldConfig } from "./config.ts";
import type { Command } from "./controller.ts";
import { DataNode } from "./data-node.ts";
import { describeFault, type Fault } from "./fault.ts";
import { History, lostRanges } from "./history.ts";
import type { NodeLog } from "./history.ts";
import type { Message, WorldEvent } from "./messages.ts";
import { Monitor } from "./monitor.ts";
import { Network, type Endpoint } from "./network.ts";
import type { TraceEvent, TraceSink } from "./trace.ts";

export interface SimulationSummary {
  fingerprint: string;
  eventsProcessed: number;
  /** Simulated time at which the run ended: duration plus the drain of in-flight writes. */
  endUs: number;
}

export function simulate(config: WorldConfig, sink: TraceSink, limits: RunLimits = defaultRunLimits): SimulationSummary {
  const world = new World(config, sink, limits);
  return world.run();
}

type Actor = DataNode | Monitor | ClientGroup;

class World {
  private readonly simulation: Simulation<WorldEvent>;
  private readonly fingerprint = new Fingerprint();
  private readonly rng: RngStreams;
  readonly history: History;
  private readonly network: Network;
  private readonly actors: Actor[] = [];
  private readonly dataNodes: DataNode[] = [];
  private readonly monitors: Monitor[] = [];
  private readonly clients: ClientGroup[] = [];
  private readonly byName = new Map<string, Actor>();
  private readonly originalPrimary: string;
  private authority: DataNode;
  private writeIds = 0;
  private cutIds = 0;
  /** For each cold standby: the last base backup and the last archived log it could restore. */
  private readonly restorePoints = new Map<string, { backup: NodeLog; archive: NodeLog }>();
  latestPromotedEpoch = 1;

  constructor(
    private readonly config: WorldConfig,
    private readonly sink: TraceSink,
    limits: RunLimits,
  ) {
    this.simulation = new Simulation<WorldEvent>(limits);
    this.rng = new RngStreams(config.seed);
    const primary = config.nodes.find((node) => node.role === "primary")!;
    this.originalPrimary = primary.name;
    this.history = new History(primary.name);
    const standbyConfigs = config.nodes.filter((node) => node.role === "standby");
    const dataNames = [primary.name, ...standbyConfigs.map((node) => node.name)];
    // Cold standbys are off: the primary starts streaming to the running ones only.
    const streaming = standbyConfigs.filter((node) => node.readiness !== "cold").map((node) => node.name);
    const controller = config.nodes.find((node) => node.role === "monitor")!.name;
    const endpoints: Endpoint[] = [
      ...config.nodes.map((node) => ({ name: node.name, zone: node.zone })),
      ...config.clients.map((client) => ({ name: client.name, zone: client.zone })),
    ];
    this.network = new Network(endpoints, config.network, this.rng.stream("network"));

    config.nodes.forEach((node, index) => {
      let actor: Actor;
      if (node.role === "monitor") {
        const monitor = new Monitor(node.name, index, dataNames, controller, primary.name, config.detector, config.failover, this);
        this.monitors.push(monitor);
        actor = monitor;
      } else {
        const log = { timeline: this.history.root, length: 0 };
        const rng = this.rng.stream(`node:${node.name}`);
        const dataNode = new DataNode(node, index, log, primary.name, streaming, controller, rng, this);
        if (node.readiness === "cold") this.restorePoints.set(node.name, { backup: { ...log }, archive: { ...log } });
        this.dataNodes.push(dataNode);
        actor = dataNode;
      }
      this.actors.push(actor);
      this.byName.set(node.name, actor);
    });
    config.clients.forEach((client, i) => {
      const index = config.nodes.length + i;
      const group = new ClientGroup(client, index, primary.name, this.rng.stream(`client:${client.name}`), this);
      this.clients.push(group);
      this.actors.push(group);
      this.byName.set(client.name, group);
    });
    this.authority = this.dataNode(primary.name);
  }

  get nowUs(): number {
    return this.simulation.nowUs;
  }

  get durationUs(): number {
    return this.config.durationUs;
  }

  get replication() {
    return this.config.replication;
  }

  run(): SimulationSummary {
    for (const node of this.dataNodes) {
      this.emit({ kind: "role", tUs: 0, node: node.name, role: node.role, epoch: node.epoch });
    }
    for (const scheduled of this.config.faults) this.at(scheduled.atUs, { kind: "fault", scheduled });
    for (const monitor of this.monitors) this.at(0, { kind: "heartbeat", monitor: monitor.index });
    for (const node of this.dataNodes) {
      if (node.config.role === "standby") this.after(this.config.replication.statusIntervalUs, { kind: "status-tick", node: node.index });
      if (node.config.readiness === "cold" && node.config.role === "standby") {
        this.at(0, { kind: "backup", node: node.index });
        if (node.config.archiveEveryUs > 0) this.at(node.config.archiveEveryUs, { kind: "archive", node: node.index });
      }
    }
    for (const client of this.clients) client.start();

    const drainUs = Math.max(0, ...this.config.clients.map((client) => client.timeoutUs));
    const endUs = this.config.durationUs + drainUs;
    this.simulation.runUntil(endUs, (event) => this.dispatch(event));
    this.settle(endUs);
    return { fingerprint: this.fingerprint.hex(), eventsProcessed: this.simulation.eventsProcessed, endUs };
  }

  // ——— services offered to the actors ———

  emit(event: TraceEvent): void {
    this.fingerprint.addString(JSON.stringify(event));
    this.sink(event);
  }

  at(timeUs: number, event: WorldEvent): void {
    this.simulation.at(timeUs, event);
  }

  after(delayUs: number, event: WorldEvent): void {
    this.simulation.after(delayUs, event);
  }

  send(source: string, target: string, message: Message, size = 1): void {
    const from = this.actor(source).index;
    const to = this.actor(target).index;
    const arrivalUs = this.network.arrivalUs(from, to, this.nowUs, size);
    if (arrivalUs >= 0) this.simulation.at(arrivalUs, { kind: "deliver", source: from, target: to, message });
  }

  nextWriteId(): number {
    return ++this.writeIds;
  }

  logOf(node: string) {
    return this.dataNode(node).log;
  }

  restorePoint(node: string): { backup: NodeLog; archive: NodeLog } {
    const point = this.restorePoints.get(node);
    if (!point) throw new Error(`${node} is not a cold standby`);
    return point;
  }

  promotionCompleted(node: DataNode, from: string): void {
    this.latestPromotedEpoch = Math.max(this.latestPromotedEpoch, node.epoch);
    if (node.epoch >= this.authority.epoch) this.authority = node;
    const previous = this.dataNode(from);
    this.emit({
      kind: "promoted",
      tUs: this.nowUs,
      node: node.name,
      epoch: node.epoch,
      previous: from,
      previousAlive: previous.up,
      failback: node.name === this.originalPrimary,
    });
  }

  /** Carries out a controller command: as a message from the controller monitor. */
  execute(monitor: string, command: Command): void {
    switch (command.kind) {
      case "promote":
        this.emit({ kind: "failover_start", tUs: this.nowUs, monitor, node: command.node, from: command.from, epoch: command.epoch });
        this.send(monitor, command.node, { type: "command", command });
        return;
      case "follow":
      case "resume":
        this.send(monitor, command.node, { type: "command", command });
        return;
      case "reroute":
        for (const client of this.clients) this.send(monitor, client.name, { type: "command", command });
        return;
      case "no-candidate":
        this.emit({ kind: "no_candidate", tUs: this.nowUs, monitor, node: command.node, reason: command.reason });
        return;
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  }

  // ——— the loop ———

  private dispatch(event: WorldEvent): void {
    switch (event.kind) {
      case "deliver": {
        const target = this.actors[event.target];
        if (target instanceof ClientGroup || target.up) {
          if (!this.network.isCut(event.source, event.target)) target.receive(event.message);
        }
        return;
      }
      case "heartbeat": {
        const monitor = this.actors[event.monitor] as Monitor;
        monitor.heartbeat();
        this.after(this.config.detector.intervalUs, event);
        return;
      }
      case "status-tick": {
        (this.actors[event.node] as DataNode).statusTick();
        this.after(this.config.replication.statusIntervalUs, event);
        return;
      }
      case "issue-write":
        (this.actors[event.client] as ClientGroup).issue();
        return;
      case "write-timeout":
        (this.actors[event.client] as ClientGroup).timeout(event.id);
        return;
      case "fault":
        this.applyFault(event.scheduled);
        return;
      case "blip-end":
        this.network.heal(event.cutId);
        return;
      case "promotion-step":
        (this.actors[event.node] as DataNode).promotionStep(event.epoch);
        return;
      case "ship":
        (this.actors[event.node] as DataNode).ship();
        return;
      case "ack-timeout":
        (this.actors[event.node] as DataNode).ackTimeout();
        return;
      case "backup":
      case "archive":
        this.saveRestorePoint(event.kind, this.actors[event.node] as DataNode);
        return;
      default: {
        const unknown: never = event;
        throw new Error(`unknown world event ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** The one place a fault is interpreted. */
  private applyFault({ fault }: ScheduledFault): void {
    this.emit({ kind: "fault", tUs: this.nowUs, fault, label: describeFault(fault) });
    switch (fault.kind) {
      case "crash": {
        const node = this.actor(fault.node) as DataNode | Monitor;
        if (node.up) node.crash();
        return;
      }
      case "restart": {
        const node = this.actor(fault.node) as DataNode | Monitor;
        if (!node.up) node.restart();
        return;
      }
      case "partition":
        this.network.cutBetween(++this.cutIds, this.groups(fault));
        return;
      case "isolate": {
        const inside = this.network.resolve([fault.target]);
        const outside = this.actors.map((a) => a.index).filter((index) => !inside.includes(index));
        this.network.cutBetween(++this.cutIds, [inside, outside]);
        return;
      }
      case "heal":
        this.network.healAll();
        return;
      case "blip": {
        const cutId = ++this.cutIds;
        this.network.cutBetween(cutId, this.groups(fault));
        this.after(fault.durationUs, { kind: "blip-end", cutId });
        return;
      }
      default: {
        const unknown: never = fault;
        throw new Error(`unknown fault ${JSON.stringify(unknown)}`);
      }
    }
  }

  private groups(fault: Fault & { groups: string[][] }): number[][] {
    return fault.groups.map((names) => this.network.resolve(names));
  }

  /**
   * A base backup or a log archive of the current primary for a cold standby, on its schedule.
   * The archive store is assumed always reachable; a primary that is down archives nothing.
   */
  private saveRestorePoint(kind: "backup" | "archive", cold: DataNode): void {
    const point = this.restorePoints.get(cold.name)!;
    const source = this.authority;
    if (source.up && source.role === "primary") {
      const snapshot = { timeline: source.log.timeline, length: source.log.length };
      point.archive = snapshot;
      if (kind === "backup") point.backup = snapshot;
    }
    const everyUs = kind === "backup" ? cold.config.backupEveryUs : cold.config.archiveEveryUs;
    this.after(everyUs, { kind, node: cold.index });
  }

  /** End-of-run accounting against the log of the newest primary. */
  private settle(endUs: number): void {
    for (const range of lostRanges(this.history, this.authority.log)) {
      this.emit({
        kind: "writes_lost",
        tUs: endUs,
        node: range.timeline.owner,
        count: range.count,
        firstUs: range.firstUs,
        lastUs: range.lastUs,
        rpoUs: range.lastUs - range.keptUs,
      });
    }
    this.emit({ kind: "run_end", tUs: endUs, authority: this.authority.name });
  }

  private actor(name: string): Actor {
    const actor = this.byName.get(name);
    if (!actor) throw new Error(`unknown endpoint ${name}`);
    return actor;
  }

  private dataNode(name: string): DataNode {
    const actor = this.actor(name);
    if (!(actor instanceof DataNode)) throw new Error(`${name} is not a data node`);
    return actor;
  }
}
