// The world: wires nodes, monitors, client groups and the network onto the engine, delivers
// messages, hands faults to applyFault (apply-fault.ts) and, at the end, settles which
// acknowledged writes the final authoritative history lacks.
// The run: clients write during [0, duration); the world then runs on for the longest client
// timeout so every write in flight gets its outcome; then the accounting events are emitted.
import { Fingerprint, RngStreams, Simulation, defaultRunLimits, type RunLimits } from "../engine/index.ts";
import { ClientGroup } from "./client-group.ts";
import type { WorldConfig } from "./config.ts";
import { DataNode } from "./data-node.ts";
import { describeFault } from "./fault.ts";
import { History, lostRanges } from "./history.ts";
import { applyFault } from "./apply-fault.ts";
import { ArchiveStore, type RestorePoint } from "./archive.ts";
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
  readonly network: Network;
  private readonly actors: Actor[] = [];
  private readonly dataNodes: DataNode[] = [];
  private readonly monitors: Monitor[] = [];
  private readonly clients: ClientGroup[] = [];
  private readonly byName = new Map<string, Actor>();
  private readonly originalPrimary: string;
  private authority: DataNode;
  private writeIds = 0;
  private cutIds = 0;
  private readonly archives = new ArchiveStore();
  /** Time of each endpoint's latest crash (-1: never). */
  private readonly lastCrashUs: Float64Array;
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
        const routers = config.clients.map((client) => client.name);
        const monitor = new Monitor(node.name, index, dataNames, routers, controller, primary.name, config.detector, config.failover, this);
        this.monitors.push(monitor);
        actor = monitor;
      } else {
        const log = { timeline: this.history.root, length: 0 };
        const rng = this.rng.stream(`node:${node.name}`);
        const dataNode = new DataNode(node, index, log, primary.name, streaming, controller, rng, this);
        if (node.readiness === "cold") this.archives.register(node.name, log);
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
    this.lastCrashUs = new Float64Array(this.actors.length).fill(-1);
  }

  get nowUs(): number {
    return this.simulation.nowUs;
  }

  get durationUs(): number {
    return this.config.durationUs;
  }

  get replication(): WorldConfig["replication"] {
    return this.config.replication;
  }

  run(): SimulationSummary {
    for (const node of this.dataNodes) {
      this.emit({ kind: "role", tUs: 0, node: node.name, role: node.role, epoch: node.epoch });
    }
    for (const scheduled of this.config.faults) this.at(scheduled.atUs, { kind: "fault", scheduled });
    for (const monitor of this.monitors) this.at(0, { kind: "heartbeat", monitor: monitor.index });
    for (const node of this.dataNodes) {
      // Every data node may become a standby (a deposed primary does), so every one has the tick.
      this.after(this.config.replication.statusIntervalUs, { kind: "status-tick", node: node.index });
      if (node.config.readiness !== "cold" || node.config.role !== "standby") continue;
      this.at(0, { kind: "backup", node: node.index });
      if (node.config.archiveEveryUs > 0) this.at(node.config.archiveEveryUs, { kind: "archive", node: node.index });
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
    const nowUs = this.nowUs;
    const arrivalUs = this.network.arrivalUs(from, to, nowUs, size);
    if (arrivalUs < 0) return;
    const transmittedUs = this.network.lastTransmittedUs;
    if (transmittedUs > nowUs) {
      this.simulation.at(arrivalUs, { kind: "deliver", source: from, target: to, message, queuedFromUs: nowUs, queuedUntilUs: transmittedUs });
    } else {
      this.simulation.at(arrivalUs, { kind: "deliver", source: from, target: to, message });
    }
  }

  nextWriteId(): number {
    return ++this.writeIds;
  }

  logOf(node: string) {
    return this.dataNode(node).log;
  }

  restorePoint(node: string): RestorePoint {
    return this.archives.restorePoint(node);
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

  // ——— the loop ———

  private dispatch(event: WorldEvent): void {
    switch (event.kind) {
      case "deliver": {
        const target = this.actors[event.target];
        if (!(target instanceof ClientGroup) && !target.up) return;
        if (this.network.isCut(event.source, event.target)) return;
        if (event.queuedUntilUs !== undefined) {
          const crashUs = this.lastCrashUs[event.source];
          if (crashUs >= event.queuedFromUs! && crashUs < event.queuedUntilUs) return;
        }
        target.receive(event.message);
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
      case "fault": {
        const { fault } = event.scheduled;
        this.emit({ kind: "fault", tUs: this.nowUs, fault, label: describeFault(fault) });
        applyFault(fault, this);
        return;
      }
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

  // ——— what faults act on (apply-fault.ts) ———

  process(name: string): DataNode | Monitor {
    const actor = this.actor(name);
    if (actor instanceof ClientGroup) throw new Error(`${name} is a client group, not a process`);
    return actor;
  }

  crashed(process: { index: number }): void {
    this.lastCrashUs[process.index] = this.nowUs;
  }

  nextCutId(): number {
    return ++this.cutIds;
  }

  /** A base backup or a log archive of the current primary for a cold standby, on its schedule. */
  private saveRestorePoint(kind: "backup" | "archive", cold: DataNode): void {
    const source = this.authority;
    if (source.up && source.role === "primary") this.archives.save(cold.name, kind, source.log);
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
