// The world (run by simulation-run.ts): puts the cast (cast.ts) and the network onto the engine,
// delivers messages and hands each event to its handler (world-handlers.ts). Its parts are
// modules of their own: the first events (world-start.ts), client timeout lanes (timeout-lanes.ts),
// DNS (dns.ts), STONITH's device (fencing-device.ts), the write authority and end-of-run
// accounting (authority.ts), the acting controller and its mailbox (acting-controller.ts), pauses
// (pauses.ts: a paused process handles nothing until it resumes), faults aimed at a role (aim.ts),
// the processes' restart policy (restart-policy.ts). The cast gets its configuration at
// construction; the world offers services only (time, sending, scheduling). Clients write during
// [0, duration), then the run drains writes in flight (drain.ts). A pool-only scenario has no
// primary, no history, an empty authority.
import { RngStreams, Simulation, type RunLimits } from "../engine/index.ts";
import { ControllerMailbox } from "./acting-controller.ts";
import { Aimer } from "./aim.ts";
import { aimWorld } from "./aim-world.ts";
import { ArchiveStore, type RestorePoint } from "./archive.ts";
import { WriteAuthority } from "./authority.ts";
import { buildCast, processesIn, processOf, type Actor, type Cast, type Process } from "./cast.ts";
import { ClientGroup } from "./client-group.ts";
import { DataNode } from "./data-node.ts";
import { Dns } from "./dns.ts";
import { FencingDevice } from "./fencing-device.ts";
import { fencingMechanisms } from "./fencing/index.ts";
import type { Observation } from "./cluster-state.ts";
import { History, type NodeLog } from "./history.ts";
import type { Message, WorldEvent } from "./messages.ts";
import type { Monitor } from "./monitor.ts";
import { Network } from "./network.ts";
import { Pauses } from "./pauses.ts";
import { RestartSupervisor } from "./restart-policy.ts";
import type { TraceEvent } from "./trace.ts";
import type { TraceOut } from "./trace-out.ts";
import type { WorldConfig } from "./world-config.ts";
import { dispatch, type WorldInside } from "./world-handlers.ts";
import { startWorld } from "./world-start.ts";
import { TimeoutLanes } from "./timeout-lanes.ts";

export interface SimulationSummary {
  /** The trace's fingerprint (16 hex digits); empty when the run was not fingerprinted. */
  fingerprint: string;
  eventsProcessed: number;
  /** Simulated time at which the run ended: duration plus the drain of in-flight writes. */
  endUs: number;
}

export class World implements WorldInside {
  private readonly simulation: Simulation<WorldEvent>;
  private readonly lanes: TimeoutLanes;
  readonly history: History;
  readonly network: Network;
  readonly cast: Cast;
  readonly device: FencingDevice;
  readonly dns: Dns;
  readonly supervisor: RestartSupervisor;
  private readonly authority: WriteAuthority<DataNode>;
  private readonly archives = new ArchiveStore();
  readonly lastCrashUs: Float64Array;
  private readonly pauses: Pauses;
  private readonly mailbox: ControllerMailbox;
  readonly aimer: Aimer;
  private writeIds = 0;
  private cutIds = 0;

  constructor(
    readonly config: WorldConfig,
    /** Where the trace goes: the fingerprint, the sink, and the per-write values (trace-out.ts). */
    readonly trace: TraceOut,
    limits: RunLimits,
  ) {
    this.simulation = new Simulation<WorldEvent>(limits);
    this.lanes = new TimeoutLanes(
      this.simulation,
      (index) => this.cast.actors[index] as ClientGroup,
    );
    const rng = new RngStreams(config.seed);
    const primary = config.nodes.find((node) => node.role === "primary");
    this.history = new History(primary?.name ?? "");
    const endpoints = [...config.nodes, ...config.clients]; // each with its name and zone
    this.network = new Network(endpoints, config.network, rng.stream("network"));
    this.device = new FencingDevice(config.failover.stonith, rng.stream("fencing"), this);
    this.dns = new Dns(primary?.name ?? "");
    this.cast = buildCast(config, this.history, rng, this);
    this.supervisor = new RestartSupervisor(config.nodes, this);
    for (const node of this.cast.dataNodes)
      if (node.config.readiness === "cold" && node.config.role === "standby")
        this.archives.register(node.name, node.log);
    const stale = fencingMechanisms(config.failover.fencing).refusesStaleEpoch;
    this.authority = new WriteAuthority(
      primary ? this.dataNode(primary.name) : null,
      stale,
      (event) => this.emit(event),
    );
    // Lost-write accounting keeps only what some live log may still lack (history.ts).
    this.history.trackLiveLogs(() => this.liveLogs());
    this.lastCrashUs = new Float64Array(this.cast.actors.length).fill(-1);
    this.pauses = new Pauses(this.cast.actors.length);
    this.mailbox = new ControllerMailbox(this.cast.monitors, this.network, this.pauses);
    this.aimer = new Aimer(aimWorld(this.cast, config, rng));
  }

  get nowUs(): number {
    return this.simulation.nowUs;
  }

  get durationUs(): number {
    return this.config.durationUs;
  }

  get monitors(): readonly string[] {
    return this.cast.monitorNames;
  }

  /** Schedules the run's first events (world-start.ts); returns the time (µs) the run ends. */
  start(): number {
    return startWorld(this);
  }

  /** Dispatches at most `maxEvents` events before `endUs`; when none is left, settles the run
   *  and returns true. */
  advance(endUs: number, maxEvents: number): boolean {
    const { simulation, pauses } = this;
    let budget = maxEvents;
    for (let event = simulation.next(endUs); event !== undefined; event = simulation.next(endUs)) {
      if (!pauses.hold(event, simulation.nowUs)) dispatch(this, event);
      if (--budget <= 0) return false;
    }
    this.authority.settle(this.history, endUs);
    return true;
  }

  summary(endUs: number): SimulationSummary {
    return {
      fingerprint: this.trace.fingerprintHex(),
      eventsProcessed: this.simulation.eventsProcessed,
      endUs,
    };
  }

  // ——— services offered to the cast ———

  emit(event: TraceEvent): void {
    this.trace.emit(event);
  }

  at(timeUs: number, event: WorldEvent): void {
    this.lanes.at(timeUs, event);
  }

  writeTimeout(timeUs: number, client: number, id: number, attempt: number): void {
    this.lanes.writeTimeout(timeUs, client, id, attempt);
  }

  after(delayUs: number, event: WorldEvent): void {
    this.simulation.after(delayUs, event);
  }

  send(source: string, target: string, message: Message, size = 1): void {
    this.sendBetween(this.actor(source).index, this.actor(target).index, message, size);
  }

  sendBetween(from: number, to: number, message: Message, size = 1): void {
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

  logOf(node: string): NodeLog {
    return this.dataNode(node).log;
  }

  restorePoint(node: string): RestorePoint {
    return this.archives.restorePoint(node);
  }

  /** Highest epoch whose promotion has completed anywhere. */
  get latestPromotedEpoch(): number {
    return this.authority.latestPromotedEpoch;
  }

  promotionCompleted(node: DataNode, from: string, planned: boolean): void {
    // Alive when the failover was decided: still running, or running until STONITH powered it off.
    const previousAlive = this.dataNode(from).up || this.device.poweredOffWhileRunning(from);
    const failback = node.name === this.cast.cluster.state.originalPrimary;
    const { name, epoch } = node;
    const promoted = { kind: "promoted", tUs: this.nowUs, node: name, epoch } as const;
    const outcome = { previous: from, previousAlive, failback, planned };
    this.authority.promoted(node, this.cast.dataNodes, { ...promoted, ...outcome });
  }

  isActingController(name: string): boolean {
    return this.mailbox.acting(this.nowUs)?.name === name;
  }

  resolveDns(): string | null {
    return this.dns.lookup();
  }

  setDnsRecord(target: string): void {
    this.dns.set(target);
  }

  fence(node: string, attempt: number): void {
    this.device.fence(this.dataNode(node), attempt);
  }

  // ——— what faults act on (faults/fault-kind.ts, FaultTarget) ———

  process(name: string): Process {
    return processOf(this.cast, name);
  }

  processesIn(zone: string): Process[] {
    return processesIn(this.cast, this.config, zone);
  }

  crashed(process: { index: number }): void {
    this.lastCrashUs[process.index] = this.nowUs;
  }

  paused(process: { index: number }, durationUs: number): void {
    const untilUs = this.pauses.pause(process.index, this.nowUs, durationUs);
    this.emit({
      kind: "node_paused",
      tUs: this.nowUs,
      node: this.cast.actors[process.index].name,
      untilUs,
    });
    this.at(untilUs, { kind: "pause-end", node: process.index });
  }

  nextCutId(): number {
    return ++this.cutIds;
  }

  later(delayUs: number, step: () => void): void {
    this.simulation.after(delayUs, { kind: "fault-step", step });
  }

  // ——— for the handlers (world-handlers.ts) ———

  toController(observation: Observation): void {
    this.mailbox.send(observation, this.nowUs);
  }

  heartbeatDone(monitor: Monitor): void {
    this.mailbox.heartbeatDone(monitor, this.nowUs);
  }

  resume(index: number): void {
    const held = this.pauses.release(index, this.nowUs);
    if (held === null) return; // a longer pause started meanwhile
    this.emit({ kind: "node_resumed", tUs: this.nowUs, node: this.cast.actors[index].name });
    for (const event of held) this.at(this.nowUs, event);
  }

  saveRestorePoint(kind: "backup" | "archive", cold: DataNode): void {
    const source = this.authority.current;
    if (source !== null && source.up && source.role === "primary")
      this.archives.save(cold.name, kind, source.log);
    this.after(kind === "backup" ? cold.config.backupEveryUs : cold.config.archiveEveryUs, {
      kind,
      node: cold.index,
    });
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
