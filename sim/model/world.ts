// The world: puts the cast (cast.ts) and the network onto the engine, delivers messages, hands
// faults to applyFault (apply-fault.ts), runs the fencing device, asks acting-controller.ts which
// monitor acts as controller, and at the end settles which acknowledged writes the final
// authoritative history lacks. The run: clients write during [0, duration); the world then runs
// on until every write in flight has its outcome (drain.ts); then the accounting events.
// A paused process (a GC pause) handles nothing: events meant for it wait until it resumes (pauses.ts).
// A scenario may have no database at all, only a pool of servers behind load balancers: then
// there is no primary, no history to settle and the run ends with an empty authority.
import { RngStreams, Simulation, defaultRunLimits, type EventLane, type Rng, type RunLimits } from "../engine/index.ts";
import { Fingerprint } from "./fingerprint.ts";
import { actingController } from "./acting-controller.ts";
import { applyFault } from "./apply-fault.ts";
import { ArchiveStore, type RestorePoint } from "./archive.ts";
import { buildCast, type Actor, type Cast } from "./cast.ts";
import { ClientGroup } from "./client-group.ts";
import type { WorldConfig } from "./config.ts";
import { DataNode } from "./data-node.ts";
import { drainUs } from "./drain.ts";
import { describeFault } from "./fault.ts";
import { History, lostRanges, type NodeLog } from "./history.ts";
import type { Observation } from "./cluster-state.ts";
import type { Message, WorldEvent } from "./messages.ts";
import type { Monitor } from "./monitor.ts";
import { Pauses } from "./pauses.ts";
import { PoolServer } from "./pool-server.ts";
import { Network } from "./network.ts";
import type { TraceEvent, TraceSink } from "./trace.ts";
import { fingerprintEvent } from "./trace-fingerprint.ts";

export interface SimulationSummary {
  /** The trace's fingerprint (16 hex digits); empty when the run was not fingerprinted. */
  fingerprint: string;
  eventsProcessed: number;
  /** Simulated time at which the run ended: duration plus the drain of in-flight writes. */
  endUs: number;
}

/** Runs the world to its end, handing every trace event to `sink`. `fingerprinted` false skips
 *  the trace fingerprint (about a tenth of a run's time) for callers that keep only metrics. */
export function simulate(config: WorldConfig, sink: TraceSink, limits: RunLimits = defaultRunLimits, fingerprinted = true): SimulationSummary {
  const run = startSimulation(config, sink, limits, fingerprinted);
  run.advance(Infinity);
  return run.summary();
}

/** A run taken in steps, for a caller that must stay responsive between them (the CLI answers
 *  Ctrl-C): the same events in the same order as simulate(), however the steps are cut. */
export interface SimulationRun {
  /** Runs at most `maxEvents` more events; true once the run is over (and settled). */
  advance(maxEvents: number): boolean;
  /** Only once advance() said the run is over. */
  summary(): SimulationSummary;
}

export function startSimulation(config: WorldConfig, sink: TraceSink, limits: RunLimits = defaultRunLimits, fingerprinted = true): SimulationRun {
  const world = new World(config, sink, limits, fingerprinted ? new Fingerprint() : null);
  const endUs = world.start();
  let over = false;
  return {
    advance: (maxEvents) => (over ||= world.advance(endUs, maxEvents)),
    summary: () => {
      if (!over) throw new Error("the run is not over");
      return world.summary(endUs);
    },
  };
}

class World {
  private readonly simulation: Simulation<WorldEvent>;
  private readonly timeoutLanes: EventLane<WorldEvent>[] = [];
  private readonly readTimeoutLanes: EventLane<WorldEvent>[] = [];
  private readonly fencingRng: Rng;
  readonly history: History;
  readonly network: Network;
  private readonly cast: Cast;
  private readonly archives = new ArchiveStore();
  /** Time of each endpoint's latest crash (-1: never). */
  private readonly lastCrashUs: Float64Array;
  private readonly pauses: Pauses;
  private authority: DataNode | null;
  /** Nodes STONITH powered off that were running when fenced: a failover replacing one was still "false". */
  private readonly fencedAlive = new Set<string>();
  private writeIds = 0;
  /** Observations from outside the network that found no acting controller yet (toController). */
  private readonly unheard: Observation[] = [];
  private dns: string;
  private cutIds = 0;
  latestPromotedEpoch = 1;

  constructor(
    private readonly config: WorldConfig,
    private readonly sink: TraceSink,
    limits: RunLimits,
    private readonly fingerprint: Fingerprint | null,
  ) {
    this.simulation = new Simulation<WorldEvent>(limits);
    const rng = new RngStreams(config.seed);
    this.fencingRng = rng.stream("fencing");
    const primary = config.nodes.find((node) => node.role === "primary");
    this.history = new History(primary?.name ?? "");
    const endpoints = [...config.nodes, ...config.clients].map(({ name, zone }) => ({ name, zone }));
    this.network = new Network(endpoints, config.network, rng.stream("network"));
    this.cast = buildCast(config, this.history, rng, this);
    for (const node of this.cast.dataNodes) if (node.config.readiness === "cold" && node.config.role === "standby") this.archives.register(node.name, node.log);
    this.authority = primary ? this.dataNode(primary.name) : null;
    // Lost-write accounting keeps only what some live log may still lack (history.ts).
    this.history.trackLiveLogs(() => this.liveLogs());
    this.dns = primary?.name ?? "";
    this.lastCrashUs = new Float64Array(this.cast.actors.length).fill(-1);
    this.pauses = new Pauses(this.cast.actors.length);
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

  get failover(): WorldConfig["failover"] {
    return this.config.failover;
  }

  get monitors(): readonly string[] {
    return this.cast.monitorNames;
  }

  /** The DNS record for the primary: the acting controller updates it when it reroutes. */
  dnsRecord(): string {
    return this.dns;
  }

  setDnsRecord(target: string): void {
    this.dns = target;
  }

  /** Schedules the run's first events; returns the time (µs) at which the run ends. */
  start(): number {
    const { replication, failover, detector, clients, faults } = this.config;
    for (const node of this.cast.dataNodes) this.emit({ kind: "role", tUs: 0, node: node.name, role: node.role, epoch: node.epoch });
    for (const scheduled of faults) this.at(scheduled.atUs, { kind: "fault", scheduled });
    for (const monitor of this.cast.monitors) this.at(0, { kind: "heartbeat", monitor: monitor.index });
    const leases = detector.kind === "lease" || failover.fencing === "lease";
    for (const node of this.cast.dataNodes) {
      // Every data node may become a standby (a deposed primary does), so every one has the tick.
      this.after(replication.statusIntervalUs, { kind: "status-tick", node: node.index });
      if (leases) this.at(0, { kind: "renew-tick", node: node.index });
      if (node.config.readiness !== "cold" || node.config.role !== "standby") continue;
      this.at(0, { kind: "backup", node: node.index });
      if (node.config.archiveEveryUs > 0) this.at(node.config.archiveEveryUs, { kind: "archive", node: node.index });
    }
    for (const client of this.cast.clients) client.start();

    return this.config.durationUs + drainUs(clients);
  }

  /** Dispatches at most `maxEvents` events before `endUs`; when none is left, settles the run
   *  and returns true. */
  advance(endUs: number, maxEvents: number): boolean {
    const simulation = this.simulation;
    let budget = maxEvents;
    for (let event = simulation.next(endUs); event !== undefined; event = simulation.next(endUs)) {
      this.dispatch(event);
      if (--budget <= 0) return false;
    }
    this.settle(endUs);
    return true;
  }

  summary(endUs: number): SimulationSummary {
    return { fingerprint: this.fingerprint?.hex() ?? "", eventsProcessed: this.simulation.eventsProcessed, endUs };
  }

  // ——— services offered to the cast ———

  emit(event: TraceEvent): void {
    if (this.fingerprint !== null) fingerprintEvent(this.fingerprint, event);
    this.sink(event);
  }

  at(timeUs: number, event: WorldEvent): void {
    // A client's timeouts come a fixed delay after each attempt, so in time order: they go
    // through one lane per client (engine/event-lane.ts), which keeps the queue small.
    if (event.kind === "write-timeout") this.simulation.atInLane(this.timeoutLane(event.client), timeUs, event);
    else if (event.kind === "read-timeout") this.simulation.atInLane(this.readTimeoutLane(event.client), timeUs, event);
    else this.simulation.at(timeUs, event);
  }

  private timeoutLane(client: number): EventLane<WorldEvent> {
    // A timeout whose attempt was answered would do nothing: the lane drops it undispatched.
    const group = this.cast.actors[client] as ClientGroup;
    return (this.timeoutLanes[client] ??= this.simulation.lane(
      (event) => event.kind !== "write-timeout" || group.awaits(event.id, event.attempt),
    ));
  }

  private readTimeoutLane(client: number): EventLane<WorldEvent> {
    // A timeout whose read was answered would do nothing: the lane drops it undispatched.
    const reads = (this.cast.actors[client] as ClientGroup).reader!;
    return (this.readTimeoutLanes[client] ??= this.simulation.lane((event) => event.kind !== "read-timeout" || reads.awaits(event.id)));
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
    // One object shape for every delivery (no spread): this runs for every message.
    const queued = transmittedUs > nowUs;
    this.simulation.at(arrivalUs, {
      kind: "deliver",
      source: from,
      target: to,
      message,
      queuedFromUs: queued ? nowUs : undefined,
      queuedUntilUs: queued ? transmittedUs : undefined,
    });
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

  promotionCompleted(node: DataNode, from: string, planned: boolean): void {
    this.latestPromotedEpoch = Math.max(this.latestPromotedEpoch, node.epoch);
    if (this.authority === null || node.epoch >= this.authority.epoch) this.authority = node;
    // Alive when the failover was decided: still running, or running until STONITH powered it off.
    const previousAlive = this.dataNode(from).up || this.fencedAlive.delete(from);
    const failback = node.name === this.cast.state.originalPrimary;
    this.emit({ kind: "promoted", tUs: this.nowUs, node: node.name, epoch: node.epoch, previous: from, previousAlive, failback, planned });
    // Epoch fencing: from now on storage refuses commits from any older epoch.
    if (this.config.failover.fencing === "epoch") {
      for (const other of this.cast.dataNodes) if (other !== node && other.epoch < node.epoch) other.fence();
    }
  }

  /** Whether this monitor acts as controller now (acting-controller.ts). */
  isActingController(name: string): boolean {
    return actingController(this.cast.monitors, this.network, this.pauses, this.nowUs)?.name === name;
  }

  /** STONITH: the fencing device powers the node off after the delay and its own time, or fails. */
  fence(node: string, attempt: number): void {
    const { delayUs, durationUs, timeoutUs, failureProbability } = this.config.failover.stonith;
    const ok = !this.fencingRng.chance(failureProbability);
    this.emit({ kind: "fencing", tUs: this.nowUs, node, attempt, outcome: "started" });
    this.after(delayUs + (ok ? durationUs : timeoutUs), { kind: "fence-done", node: this.dataNode(node).index, attempt, ok });
  }

  // ——— what faults act on (apply-fault.ts) ———

  process(name: string): DataNode | Monitor | PoolServer {
    const actor = this.actor(name);
    if (actor instanceof ClientGroup) throw new Error(`${name} is a client group, not a process`);
    return actor;
  }

  processesIn(zone: string): (DataNode | Monitor | PoolServer)[] {
    return [...this.cast.dataNodes, ...this.cast.monitors, ...this.cast.servers].filter((process) => this.config.nodes[process.index].zone === zone);
  }

  crashed(process: { index: number }): void {
    this.lastCrashUs[process.index] = this.nowUs;
  }

  paused(process: { index: number }, durationUs: number): void {
    const untilUs = this.pauses.pause(process.index, this.nowUs, durationUs);
    this.emit({ kind: "node_paused", tUs: this.nowUs, node: this.cast.actors[process.index].name, untilUs });
    this.at(untilUs, { kind: "pause-end", node: process.index });
  }

  nextCutId(): number {
    return ++this.cutIds;
  }

  // ——— the loop ———

  private dispatch(event: WorldEvent): void {
    if (this.pauses.hold(event, this.nowUs)) return;
    const { actors } = this.cast;
    switch (event.kind) {
      case "deliver": {
        const target = actors[event.target];
        if (!(target instanceof ClientGroup) && !target.up) return;
        if (this.network.isCut(event.source, event.target)) return;
        const crashUs = this.lastCrashUs[event.source];
        if (event.queuedUntilUs !== undefined && crashUs >= event.queuedFromUs! && crashUs < event.queuedUntilUs) return;
        target.receive(event.message);
        return;
      }
      case "heartbeat": {
        const monitor = actors[event.monitor] as Monitor;
        monitor.heartbeat();
        if (this.unheard.length > 0 && monitor.up && this.isActingController(monitor.name)) {
          for (const observation of this.unheard.splice(0)) monitor.observe(observation);
        }
        this.after(this.config.detector.intervalUs, event);
        return;
      }
      case "probe-deadline":
        (actors[event.monitor] as Monitor).probeDeadline(event.node, event.seq);
        return;
      case "verdict-check":
        (actors[event.monitor] as Monitor).verdictCheck(event.node, event.generation, event.phase);
        return;
      case "controller-timer":
        this.toController({ kind: "timer" });
        return;
      case "status-tick":
        (actors[event.node] as DataNode).statusTick();
        this.after(this.config.replication.statusIntervalUs, event);
        return;
      case "renew-tick":
        (actors[event.node] as DataNode).renewTick();
        this.after(this.config.failover.lease.renewEveryUs, event);
        return;
      case "issue-write":
        (actors[event.client] as ClientGroup).issue();
        return;
      case "write-timeout":
        (actors[event.client] as ClientGroup).timeout(event.id, event.attempt);
        return;
      case "client-send":
        (actors[event.client] as ClientGroup).attempt(event.id);
        return;
      case "lookup-timeout":
        (actors[event.client] as ClientGroup).lookupTimedOut();
        return;
      case "issue-read":
      case "read-send":
      case "read-timeout":
      case "lb-tick":
      case "lb-deadline":
        this.readsAndBalancers(actors[event.client] as ClientGroup, event);
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
      case "pause-end":
        this.resume(event.node);
        return;
      case "slow-write":
        (actors[event.node] as DataNode).slowWrite(event.client, event.id);
        return;
      case "served":
        (actors[event.node] as DataNode | PoolServer).served(event.message);
        return;
      case "degrade-end":
        this.network.heal(event.id);
        return;
      case "flaky-toggle":
        this.flakyToggle(event);
        return;
      case "fence-done":
        this.fenceDone(actors[event.node] as DataNode, event.attempt, event.ok);
        return;
      case "promotion-step":
        (actors[event.node] as DataNode).promotionStep(event.epoch);
        return;
      case "ship":
        (actors[event.node] as DataNode).ship();
        return;
      case "ack-timeout":
        (actors[event.node] as DataNode).ackTimeout();
        return;
      case "backup":
      case "archive":
        this.saveRestorePoint(event.kind, actors[event.node] as DataNode);
        return;
      default: {
        const unknown: never = event;
        throw new Error(`unknown world event ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Reads and load balancers, kept out of dispatch (the hottest function) as one call. */
  private readsAndBalancers(group: ClientGroup, event: WorldEvent & { kind: "issue-read" | "read-send" | "read-timeout" | "lb-tick" | "lb-deadline" }): void {
    switch (event.kind) {
      case "issue-read":
        group.reader!.issue();
        return;
      case "read-send":
        group.reader!.send(event.id);
        return;
      case "read-timeout":
        group.reader!.timeout(event.id);
        return;
      case "lb-tick":
        group.loadBalancer!.tick();
        return;
      case "lb-deadline":
        group.loadBalancer!.deadline(event.seq);
        return;
    }
  }

  /** A flaky link: cut for downUs, fine for upUs, until its end or a heal() (which removes its marker). */
  private flakyToggle(event: WorldEvent & { kind: "flaky-toggle" }): void {
    if (!this.network.holds(event.id) || this.nowUs >= event.untilUs) {
      this.network.heal(event.id);
      this.network.heal(event.cutId);
      return;
    }
    if (event.down) this.network.cutBetween(event.cutId, event.groups);
    else this.network.heal(event.cutId);
    this.after(event.down ? event.downUs : event.upUs, { ...event, down: !event.down });
  }

  /** The end of a pause: what waited for the process happens now, in its original order. */
  private resume(index: number): void {
    const held = this.pauses.release(index, this.nowUs);
    if (held === null) return; // a longer pause started meanwhile
    this.emit({ kind: "node_resumed", tUs: this.nowUs, node: this.cast.actors[index].name });
    for (const event of held) this.at(this.nowUs, event);
  }

  /** An observation from outside the network (the fencing device's result, a timer) goes to the
   *  acting controller; with none acting at that instant (no monitor has a majority), it waits for
   *  the next heartbeat of one that does — the result is the cluster's, as Pacemaker's fencing
   *  history is, not lost with the moment. */
  private toController(observation: Observation): void {
    const acting = this.cast.monitors.find((monitor) => this.isActingController(monitor.name));
    if (acting === undefined) this.unheard.push(observation);
    else acting.observe(observation);
  }

  private fenceDone(node: DataNode, attempt: number, ok: boolean): void {
    if (ok) {
      if (node.up) {
        node.crash();
        this.crashed(node);
        this.fencedAlive.add(node.name);
      }
      node.poweredOff();
    }
    this.emit({ kind: "fencing", tUs: this.nowUs, node: node.name, attempt, outcome: ok ? "powered-off" : "failed" });
    this.toController({ kind: "fenced", node: node.name, ok });
  }

  /** A base backup or a log archive of the current primary for a cold standby, on its schedule. */
  private saveRestorePoint(kind: "backup" | "archive", cold: DataNode): void {
    const source = this.authority;
    if (source !== null && source.up && source.role === "primary") this.archives.save(cold.name, kind, source.log);
    this.after(kind === "backup" ? cold.config.backupEveryUs : cold.config.archiveEveryUs, { kind, node: cold.index });
  }

  /** End-of-run accounting against the log of the newest primary. */
  private settle(endUs: number): void {
    const authority = this.authority;
    if (authority === null) {
      this.emit({ kind: "run_end", tUs: endUs, authority: "" });
      return;
    }
    for (const range of lostRanges(this.history, authority.log)) {
      const { count, firstUs, lastUs } = range;
      this.emit({ kind: "writes_lost", tUs: endUs, node: range.timeline.owner, count, firstUs, lastUs, rpoUs: lastUs - range.keptUs });
    }
    this.emit({ kind: "run_end", tUs: endUs, authority: authority.name });
  }

  /** Every log a node may still read or extend: each data node's (a cold standby that is still
   *  off has none of its own yet) and the cold standbys' restore points. */
  private *liveLogs(): Iterable<NodeLog> {
    for (const node of this.cast.dataNodes) if (node.role !== "off") yield node.log;
    yield* this.archives.restorableLogs();
  }

  private actor(name: string): Actor {
    const actor = this.cast.byName.get(name);
    if (!actor) throw new Error(`unknown endpoint ${name}`);
    return actor;
  }

  dataNode(name: string): DataNode {
    const actor = this.actor(name);
    if (!(actor instanceof DataNode)) throw new Error(`${name} is not a data node`);
    return actor;
  }
}
