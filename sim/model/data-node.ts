// A data node: a database process that is primary or standby. As primary it appends client
// writes to its log, acknowledges them (async: at once; sync: once one standby has the entry)
// and ships each entry to its followers `lagUs` after its commit. As standby it follows one upstream, appends what it
// receives in order, reports its position every status interval and asks for a resend when it
// sees a gap. Assumptions: the log survives a crash (it is on disk); a restarted node does not
// take writes until the controller assigns its role (as Patroni does); entries are applied
// `applyDelayUs` after they arrive, and promotion waits for that apply to finish.
import type { NodeConfig, ReplicationConfig } from "./config.ts";
import type { Command, NodeReport } from "./controller.ts";
import type { History, NodeLog } from "./history.ts";
import type { Message, WorldEvent } from "./messages.ts";
import type { TraceEvent, TraceRole } from "./trace.ts";

/** What a data node may ask of the world around it. */
export interface NodeWorld {
  readonly nowUs: number;
  readonly history: History;
  readonly replication: ReplicationConfig;
  /** Highest epoch whose promotion has completed anywhere. */
  readonly latestPromotedEpoch: number;
  send(source: string, target: string, message: Message): void;
  after(delayUs: number, event: WorldEvent): void;
  emit(event: TraceEvent): void;
  logOf(node: string): NodeLog;
  promotionCompleted(node: DataNode, from: string): void;
}

interface Follower {
  /** Highest position sent to this follower. */
  sentTo: number;
  /** Length it reported in its last status, to notice a stalled stream. */
  reportedLength: number;
}

interface PendingAck {
  position: number;
  client: string;
  id: number;
}

export class DataNode {
  up = true;
  role: TraceRole;
  epoch = 1;
  log: NodeLog;
  upstream: string | null = null;
  controller: string;
  private followers = new Map<string, Follower>();
  private pendingAcks: PendingAck[] = [];
  private lastReceiptUs = 0;
  private promotingFrom = "";
  /** Entries up to this position have been shipped (may be sent to followers). */
  private shippedEnd = 0;
  /** Ship times of the committed entries after shippedEnd, in log order. */
  private shipAtUs: number[] = [];
  private shipTimerSet = false;

  constructor(
    readonly config: NodeConfig,
    readonly index: number,
    log: NodeLog,
    primary: string,
    standbys: readonly string[],
    controller: string,
    private readonly world: NodeWorld,
  ) {
    this.name = config.name;
    this.log = log;
    this.controller = controller;
    if (config.role === "primary") {
      this.role = "primary";
      for (const standby of standbys) this.followers.set(standby, { sentTo: 0, reportedLength: 0 });
    } else {
      this.role = "standby";
      this.upstream = primary;
    }
  }

  readonly name: string;

  report(): NodeReport {
    return { role: this.role, epoch: this.epoch, logLength: this.log.length, upstream: this.upstream };
  }

  receive(message: Message): void {
    switch (message.type) {
      case "ping":
        this.world.send(this.name, message.monitor, { type: "pong", node: this.name, report: this.report() });
        return;
      case "command":
        this.obey(message.command);
        return;
      case "write":
        this.write(message.client, message.id);
        return;
      case "replicate":
        this.replicate(message);
        return;
      case "status":
        this.status(message);
        return;
      case "not-following":
        this.followers.delete(message.node);
        return;
      default:
        return;
    }
  }

  crash(): void {
    this.up = false;
    this.pendingAcks = [];
    this.shipAtUs = [];
    this.world.emit({ kind: "node_down", tUs: this.world.nowUs, node: this.name });
  }

  restart(): void {
    this.up = true;
    this.followers.clear();
    this.upstream = null;
    this.world.emit({ kind: "node_up", tUs: this.world.nowUs, node: this.name });
    this.setRole("rejoining");
  }

  /** A periodic report of this standby's position to its upstream. */
  statusTick(): void {
    if (this.up && this.role === "standby" && this.upstream !== null) this.sendStatus(false);
  }

  promotionDone(epoch: number): void {
    if (!this.up || this.role !== "promoting" || this.epoch !== epoch) return;
    const timeline = this.world.history.branch(this.log.timeline, this.log.length, this.name);
    this.log = { timeline, length: this.log.length };
    this.followers.clear();
    this.upstream = null;
    this.shippedEnd = this.log.length;
    this.setRole("primary");
    this.world.promotionCompleted(this, this.promotingFrom);
    this.world.send(this.name, this.controller, { type: "promoted", node: this.name, epoch });
  }

  private obey(command: Command): void {
    switch (command.kind) {
      case "promote": {
        if (command.epoch <= this.epoch || (this.role !== "standby" && this.role !== "rejoining")) return;
        this.epoch = command.epoch;
        this.promotingFrom = command.from;
        this.setRole("promoting");
        const applyDoneUs = this.lastReceiptUs + this.world.replication.applyDelayUs;
        const delayUs = Math.max(this.config.promoteInUs, applyDoneUs - this.world.nowUs);
        this.world.after(delayUs, { kind: "promotion-done", node: this.index, epoch: command.epoch });
        return;
      }
      case "follow":
        if (command.epoch < this.epoch || (command.epoch === this.epoch && this.role === "primary")) return;
        this.follow(command.primary, command.epoch);
        return;
      case "resume":
        if (this.role !== "rejoining" || command.epoch < this.epoch) return;
        this.epoch = command.epoch;
        // Entries committed but never shipped before the crash go out now.
        this.shippedEnd = this.log.length;
        this.setRole("primary");
        return;
      default:
        return;
    }
  }

  private follow(primary: string, epoch: number): void {
    const wasPrimary = this.role === "primary";
    this.epoch = epoch;
    this.upstream = primary;
    this.followers.clear();
    this.pendingAcks = [];
    this.shipAtUs = [];
    if (wasPrimary) this.world.emit({ kind: "demoted", tUs: this.world.nowUs, node: this.name, epoch });
    // Rewind to what this log shares with the new upstream's history, then stream from there.
    const upstreamLog = this.world.logOf(primary);
    const common = this.world.history.commonPrefix(this.log, upstreamLog);
    const discarded = this.log.length - common;
    if (discarded > 0) {
      const discardedAcked = this.world.history.ackedBetween(this.log, common, this.log.length);
      this.world.emit({ kind: "rewind", tUs: this.world.nowUs, node: this.name, discarded, discardedAcked });
    }
    this.log = { timeline: upstreamLog.timeline, length: common };
    this.setRole("standby");
    this.sendStatus(true);
  }

  private write(client: string, id: number): void {
    if (this.role !== "primary") {
      this.world.send(this.name, client, { type: "write-reply", id, ok: false, timelineId: -1, position: 0 });
      return;
    }
    const { history, nowUs } = this.world;
    const timeline = this.log.timeline;
    const position = history.append(timeline, nowUs);
    this.log.length = position;
    const divergent = this.epoch < this.world.latestPromotedEpoch;
    this.world.emit({ kind: "write_accepted", tUs: nowUs, node: this.name, id, divergent });
    const lagUs = this.world.replication.lagUs;
    if (lagUs === 0 && this.shipAtUs.length === 0) {
      this.shippedEnd = position;
      for (const [name, follower] of this.followers) this.stream(name, follower);
    } else {
      this.shipAtUs.push(nowUs + lagUs);
      if (!this.shipTimerSet) {
        this.shipTimerSet = true;
        this.world.after(lagUs, { kind: "ship", node: this.index });
      }
    }
    if (this.world.replication.mode === "async") {
      this.world.send(this.name, client, { type: "write-reply", id, ok: true, timelineId: timeline.id, position });
    } else {
      this.pendingAcks.push({ position, client, id });
    }
  }

  /** Ships the entries whose time has come, and sets the timer for the next one. */
  ship(): void {
    this.shipTimerSet = false;
    if (!this.up || this.role !== "primary") return;
    const nowUs = this.world.nowUs;
    let due = 0;
    while (due < this.shipAtUs.length && this.shipAtUs[due] <= nowUs) due++;
    if (due > 0) {
      this.shipAtUs.splice(0, due);
      this.shippedEnd += due;
      for (const [name, follower] of this.followers) this.stream(name, follower);
    }
    if (this.shipAtUs.length > 0) {
      this.shipTimerSet = true;
      this.world.after(this.shipAtUs[0] - nowUs, { kind: "ship", node: this.index });
    }
  }

  /** Sends a follower every shipped entry it has not been sent yet. */
  private stream(name: string, follower: Follower): void {
    const end = this.shippedEnd;
    if (follower.sentTo >= end) return;
    this.world.send(this.name, name, {
      type: "replicate",
      primary: this.name,
      epoch: this.epoch,
      timelineId: this.log.timeline.id,
      from: follower.sentTo,
      to: end,
    });
    follower.sentTo = end;
  }

  private replicate(message: Message & { type: "replicate" }): void {
    if (this.role !== "standby" || message.primary !== this.upstream) {
      if (this.role !== "rejoining") this.world.send(this.name, message.primary, { type: "not-following", node: this.name });
      return;
    }
    if (message.timelineId !== this.log.timeline.id || message.from > this.log.length) {
      this.sendStatus(true);
      return;
    }
    if (message.to <= this.log.length) return;
    const { nowUs, history } = this.world;
    const firstNew = this.log.length + 1;
    this.log.length = message.to;
    this.lastReceiptUs = nowUs;
    const lagUs = nowUs + this.world.replication.applyDelayUs - history.acceptUsAt(this.log, firstNew);
    this.world.emit({ kind: "replicated", tUs: nowUs, node: this.name, lagUs, position: message.to });
    if (this.world.replication.mode === "sync") this.sendStatus(false);
  }

  private status(message: Message & { type: "status" }): void {
    if (this.role !== "primary" || message.timelineId !== this.log.timeline.id) return;
    let follower = this.followers.get(message.node);
    if (!follower) {
      follower = { sentTo: message.length, reportedLength: message.length };
      this.followers.set(message.node, follower);
    }
    // Resend on an explicit gap, or when the stream made no progress since the last status.
    const stalled = message.length === follower.reportedLength && message.length < follower.sentTo;
    if (message.gap || stalled) follower.sentTo = Math.min(follower.sentTo, message.length);
    follower.reportedLength = message.length;
    this.stream(message.node, follower);
    this.releaseAcks(message.length);
  }

  /** Sync replication: acknowledge every write the standby now holds. */
  private releaseAcks(length: number): void {
    let released = 0;
    while (released < this.pendingAcks.length && this.pendingAcks[released].position <= length) {
      const { client, id, position } = this.pendingAcks[released];
      this.world.send(this.name, client, { type: "write-reply", id, ok: true, timelineId: this.log.timeline.id, position });
      released++;
    }
    if (released > 0) this.pendingAcks.splice(0, released);
  }

  private sendStatus(gap: boolean): void {
    if (this.upstream === null) return;
    this.world.send(this.name, this.upstream, {
      type: "status",
      node: this.name,
      timelineId: this.log.timeline.id,
      length: this.log.length,
      gap,
    });
  }

  private setRole(role: TraceRole): void {
    if (this.role === role && role !== "rejoining") return;
    this.role = role;
    this.world.emit({ kind: "role", tUs: this.world.nowUs, node: this.name, role, epoch: this.epoch });
  }
}
