// A data node: a database process that is primary or standby. As primary it appends client
// writes to its log and leaves shipping and acknowledgement to its LogSender. As standby it
// follows one upstream, appends what it receives in order (received = durable), applies it
// through its ApplyQueue, reports its position every status interval (and at once under
// synchronous modes) and asks for a resend when it sees a gap.
// Readiness decides what a promotion costs: a hot or warm standby first applies its backlog
// ("catching-up"), a cold one is "off" and first boots, restores the last base backup and replays
// the archived log; then "promoting" for promoteIn; then it serves, at reduced capacity during
// its warm-up. Assumptions: the log survives a crash (it is on disk); a restarted node takes no
// writes until the controller assigns its role (as Patroni does).
// Fencing seen from the node: a primary that may not take writes is "fenced" — it lost its lease
// (lease fencing: no successful renewal for renewEvery + retryTimeout), hears too few replicas (min-replicas),
// its epoch is stale (epoch fencing, set by the world), it stepped down for a failback, or the
// coordination store named another primary of a newer epoch (it learns it lost the role).
// Authority: a node accepts writes as primary only in the epoch it was promoted into (the
// original primary: epoch 1). Promotion (becomePrimary) is the one way into a new epoch, and
// every way back into service — a restart, a lease regained, replicas heard again, a failback
// called off — takes the role again only in that same epoch (retake); a node whose promotion a
// crash cut short must be ordered promoted again.
// Reads: a running primary or standby answers from what it has applied (a standby's backlog is
// not visible yet); other roles refuse. With a capacity, reads queue with writes.
import type { Rng } from "../engine/index.ts";
import { ApplyQueue } from "./apply-queue.ts";
import type { Command, NodeReport } from "./cluster-state.ts";
import type { FailoverConfig, NodeConfig, ReplicationConfig } from "./config.ts";
import type { History, NodeLog } from "./history.ts";
import { fencingMechanisms } from "./fencing/index.ts";
import { LeaseHolder } from "./lease-holder.ts";
import { LogSender, waitsForStandbys, type SenderWorld } from "./log-sender.ts";
import type { Message } from "./messages.ts";
import { ServiceQueue } from "./service-queue.ts";
import type { TraceRole } from "./trace.ts";

/** What a data node is handed at construction: the cluster's failover policy and replication. */
export interface NodePolicy {
  readonly failover: FailoverConfig;
  readonly replication: ReplicationConfig;
}

/** What a data node may ask of the world around it. */
export interface NodeWorld extends SenderWorld {
  readonly history: History;
  /** Every monitor and witness: lease renewals and promotion notices go to all of them. */
  readonly monitors: readonly string[];
  /** Highest epoch whose promotion has completed anywhere. */
  readonly latestPromotedEpoch: number;
  logOf(node: string): NodeLog;
  /** What a cold standby can restore: the last base backup and the last archived log. */
  restorePoint(node: string): { backup: NodeLog; archive: NodeLog };
  promotionCompleted(node: DataNode, from: string, planned: boolean): void;
}

export class DataNode {
  readonly name: string;
  up = true;
  role: TraceRole;
  epoch = 1;
  log: NodeLog;
  upstream: string | null = null;
  private readonly sender: LogSender;
  private readonly apply: ApplyQueue;
  private promotingFrom = "";
  private promotionPlanned = false;
  /** When the pending step of a promotion under way is due (-1: none). */
  private promotionStepAtUs = -1;
  private warmUntilUs = 0;
  /** Its lease, judged by its own clock. */
  private readonly lease = new LeaseHolder();
  /** Capacity: the line requests and health checks wait in (null: unlimited capacity). */
  private readonly line: ServiceQueue | null;
  /** Gray failure: each write is handled this late. */
  private slowUs = 0;
  /** Disk full / read-only: nothing can be committed. */
  private readOnly = false;
  /** The epoch this node was last promoted into (the original primary: 1; 0: never primary).
   *  It may accept writes as primary only while this is its epoch. */
  private primaryEpoch = 0;
  /** The epoch in which this primary gave the role up — stepped down for a failback, or learned
   *  of a newer primary: it stays fenced until told otherwise, whatever its lease or replicas say. */
  private yieldedEpoch = -1;
  /** The epoch of the last role the trace heard of. */
  private roleEpoch = 1;

  constructor(
    readonly config: NodeConfig,
    readonly index: number,
    log: NodeLog,
    primary: string,
    standbys: readonly string[],
    private readonly rng: Rng,
    private readonly world: NodeWorld,
    private readonly policy: NodePolicy,
  ) {
    this.name = config.name;
    this.log = log;
    this.sender = new LogSender(this, world, policy.replication);
    this.apply = new ApplyQueue({ ...config, applyDelayUs: policy.replication.applyDelayUs });
    this.line = config.capacityPerS === Infinity ? null : new ServiceQueue(config.capacityPerS, config.queueLimitUs);
    if (config.role === "primary") {
      this.role = "primary";
      this.primaryEpoch = 1;
      this.sender.start(standbys);
    } else if (config.readiness === "cold") {
      this.role = "off";
    } else {
      this.role = "standby";
      this.upstream = primary;
    }
  }

  report(): NodeReport {
    const log = this.role === "off" ? this.world.restorePoint(this.name).archive : this.log;
    const lastCommitUs = log.length > 0 ? this.world.history.acceptUsAt(log, log.length) : 0;
    return {
      role: this.role,
      epoch: this.epoch,
      primaryEpoch: this.primaryEpoch,
      logLength: log.length,
      upstream: this.upstream,
      lastCommitUs,
      readiness: this.config.readiness,
    };
  }

  receive(message: Message): void {
    if (this.line !== null && (message.type === "write" || message.type === "ping" || message.type === "read") && !this.queue(this.line, message)) return;
    this.handle(message);
  }

  /** Capacity: requests and health checks wait in one line; returns true to handle the message now. */
  private queue(line: ServiceQueue, message: Message & { type: "write" | "ping" | "read" }): boolean {
    const waitUs = line.admit(this.world.nowUs, message.type !== "ping");
    if (waitUs === 0) return true;
    if (waitUs > 0) this.world.after(waitUs, { kind: "served", node: this.index, message });
    else if (message.type === "write") this.world.send(this.name, message.client, { type: "write-reply", id: message.id, ok: false, timelineId: -1, position: 0 });
    else if (message.type === "read") this.world.send(this.name, message.client, { type: "read-reply", id: message.id, ok: false, fresh: false });
    return false;
  }

  /** A queued message's turn has come. */
  served(message: Message): void {
    if (this.up) this.handle(message);
  }

  private handle(message: Message): void {
    switch (message.type) {
      case "ping":
        this.world.send(this.name, message.monitor, { type: "pong", node: this.name, report: this.report(), seq: message.seq, sentUs: message.sentUs });
        return;
      case "renew-ack":
        this.leaseRenewed(message.epoch, message.primary);
        return;
      case "command":
        this.obey(message.command);
        return;
      case "write":
        this.write(message.client, message.id);
        return;
      case "read":
        this.read(message);
        return;
      case "replicate":
        this.replicate(message);
        return;
      case "status":
        if ((this.role === "primary" || this.role === "fenced") && message.timelineId === this.log.timeline.id) {
          this.sender.status(message.node, message.length, message.gap);
        }
        return;
      case "not-following":
        this.sender.drop(message.node);
        return;
      default:
        return;
    }
  }

  crash(): void {
    this.up = false;
    this.promotionStepAtUs = -1;
    this.sender.stop();
    this.world.emit({ kind: "node_down", tUs: this.world.nowUs, node: this.name });
  }

  restart(): void {
    this.up = true;
    this.sender.stop();
    this.upstream = null;
    this.apply.reset(this.world.nowUs);
    this.world.emit({ kind: "node_up", tUs: this.world.nowUs, node: this.name });
    this.setRole("rejoining");
  }

  /** Periodic: a standby reports its position; a primary under min-replicas fencing checks its replicas. */
  statusTick(): void {
    if (!this.up) return;
    if (this.role === "standby" && this.upstream !== null) this.sendStatus(false);
    if (!fencingMechanisms(this.policy.failover.fencing).needsReplicas) return;
    if (this.role === "primary" && !this.enoughReplicas()) this.setRole("fenced");
    else if (this.mayRetake() && this.enoughReplicas()) this.retake();
  }

  /** Periodic: renew the lease with the coordination store (the monitors); a primary that has not
   *  managed to for retryTimeout demotes itself. */
  renewTick(): void {
    if (!this.up || this.role === "off") return;
    if (this.role === "primary" && this.leaseLapsed()) this.setRole("fenced");
    for (const monitor of this.world.monitors) this.world.send(this.name, monitor, { type: "renew", node: this.name, report: this.report() });
  }

  /** STONITH powered this node off: whatever it was, it is fenced (and down) now. */
  poweredOff(): void {
    this.setRole("fenced");
  }

  /** Epoch fencing: storage now refuses this primary's commits. */
  fence(): void {
    if (this.role === "primary") this.setRole("fenced");
  }

  ship(): void {
    this.sender.ship(this.up && (this.role === "primary" || this.role === "fenced"));
  }

  ackTimeout(): void {
    this.sender.ackTimeout(this.up && this.role === "primary");
  }

  setSlow(delayUs: number): void {
    this.slowUs = delayUs;
  }

  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
  }

  skewClock(rate: number, jumpUs: number): void {
    this.lease.skew(this.world.nowUs, rate, jumpUs);
  }

  /** A slow node finally handles a write. */
  slowWrite(client: string, id: number): void {
    if (this.up) this.commitWrite(client, id);
  }

  /** The coordination store answered a renewal with the cluster's epoch and primary. */
  private leaseRenewed(epoch: number, primary: string): void {
    if (primary === this.name && epoch === this.epoch) {
      this.lease.renewed(this.world.nowUs);
      // A primary that demoted itself for want of a lease takes it back if nobody replaced it.
      if (fencingMechanisms(this.policy.failover.fencing).holdsLease && this.mayRetake()) this.retake();
      return;
    }
    // Another node is primary of a newer epoch: this one has lost the role and stops taking
    // writes now, before any command to follow arrives.
    if (epoch > this.epoch && this.role === "primary") this.yield();
  }

  /** Whether this fenced node may take writes again by itself: only in the epoch it was promoted
   *  into, and only if it did not give the role up in it. */
  private mayRetake(): boolean {
    return this.role === "fenced" && this.primaryEpoch === this.epoch && this.yieldedEpoch !== this.epoch;
  }

  /** Takes the primary role again in the epoch it was promoted into. */
  private retake(): void {
    if (this.primaryEpoch !== this.epoch) {
      throw new Error(`${this.name} would take writes in epoch ${this.epoch}, but it was promoted into epoch ${this.primaryEpoch}`);
    }
    this.yieldedEpoch = -1;
    this.setRole("primary");
  }

  /** Gives the primary role up in this epoch: fenced until told otherwise. */
  private yield(): void {
    this.yieldedEpoch = this.epoch;
    this.setRole("fenced");
  }

  /** Under lease fencing: whether this node's lease has lapsed by its own clock (lease-holder.ts). */
  private leaseLapsed(): boolean {
    const { lease, fencing } = this.policy.failover;
    return fencingMechanisms(fencing).holdsLease && this.lease.lapsed(this.world.nowUs, lease);
  }

  private enoughReplicas(): boolean {
    const { minReplicas, minReplicasMaxLagUs } = this.policy.failover;
    return this.sender.freshFollowers(this.world.nowUs - minReplicasMaxLagUs) >= minReplicas;
  }

  /** The current stage of a promotion is over: move to the next. */
  promotionStep(epoch: number): void {
    // A step scheduled before a crash is void: a promotion ordered again has steps of its own.
    if (!this.up || this.epoch !== epoch || this.world.nowUs !== this.promotionStepAtUs) return;
    const nowUs = this.world.nowUs;
    switch (this.role) {
      case "booting": {
        // Restore the last base backup, then replay the archived log after it.
        const { backup, archive } = this.world.restorePoint(this.name);
        const replayed = Math.max(0, archive.length - backup.length);
        this.log = { timeline: archive.timeline, length: archive.length };
        this.apply.reset(nowUs);
        const replayUs = this.config.applyRatePerS === Infinity ? 0 : Math.ceil((replayed * 1e6) / this.config.applyRatePerS);
        this.setRole("catching-up");
        this.world.emit({ kind: "restored", tUs: nowUs, node: this.name, length: archive.length, replayed });
        this.promotionStepAfter(this.config.restoreInUs + replayUs, epoch);
        return;
      }
      case "catching-up":
        this.setRole("promoting");
        this.promotionStepAfter(this.config.promoteInUs, epoch);
        return;
      case "promoting":
        this.becomePrimary(epoch);
        return;
      default:
        return;
    }
  }

  private becomePrimary(epoch: number): void {
    // Epoch fencing: storage refuses a promotion that completes after a newer one did.
    if (fencingMechanisms(this.policy.failover.fencing).refusesStaleEpoch && epoch < this.world.latestPromotedEpoch) {
      this.setRole("fenced");
      return;
    }
    this.primaryEpoch = epoch;
    this.yieldedEpoch = -1;
    const timeline = this.world.history.branch(this.log.timeline, this.log.length, this.name);
    this.log = { timeline, length: this.log.length };
    this.upstream = null;
    this.apply.reset(this.world.nowUs);
    this.setRole("primary");
    this.sender.start([]);
    this.world.promotionCompleted(this, this.promotingFrom, this.promotionPlanned);
    const { warmUpUs, warmUpCapacity } = this.config;
    if (warmUpUs > 0 && warmUpCapacity < 1) {
      this.warmUntilUs = this.world.nowUs + warmUpUs;
      this.world.emit({ kind: "warm_up", tUs: this.world.nowUs, node: this.name, untilUs: this.warmUntilUs, capacity: warmUpCapacity });
    }
    for (const monitor of this.world.monitors) this.world.send(this.name, monitor, { type: "promoted", node: this.name, epoch });
    // Lease fencing: a promotion that outlasted its lease (the node was paused, or cut off from
    // the store) takes no write until a renewal is answered.
    if (this.leaseLapsed()) this.setRole("fenced");
  }

  private obey(command: Command): void {
    switch (command.kind) {
      case "promote": {
        // A promotion a restart cut short is ordered again in the epoch it was granted.
        const cutShort = command.epoch === this.epoch && this.role === "rejoining" && this.primaryEpoch !== this.epoch;
        if (command.epoch > this.epoch || cutShort) this.promote(command.epoch, command.from, command.planned);
        return;
      }
      case "follow":
        if (this.role === "off" || command.epoch < this.epoch || (command.epoch === this.epoch && this.role === "primary")) return;
        this.yieldedEpoch = -1;
        this.follow(command.primary, command.epoch);
        return;
      case "resume":
        // Only a node that was primary in this very epoch resumes it.
        if (command.epoch !== this.epoch || this.primaryEpoch !== this.epoch) return;
        if (this.role === "fenced" && this.yieldedEpoch === this.epoch) {
          // A failback was called off: take writes again.
          this.retake();
          return;
        }
        if (this.role !== "rejoining") return;
        this.lease.renewed(this.world.nowUs);
        this.retake();
        // Entries committed but never shipped before the crash go out now.
        this.sender.start([]);
        return;
      case "step-down":
        if (this.role !== "primary" || command.epoch !== this.epoch) return;
        this.yield();
        return;
      default:
        return;
    }
  }

  private promotionStepAfter(delayUs: number, epoch: number): void {
    this.promotionStepAtUs = this.world.nowUs + Math.max(0, Math.round(delayUs));
    this.world.after(this.promotionStepAtUs - this.world.nowUs, { kind: "promotion-step", node: this.index, epoch });
  }

  private promote(epoch: number, from: string, planned: boolean): void {
    const nowUs = this.world.nowUs;
    // The order grants the role: the lease (lease fencing) runs from here, kept by renewals.
    this.promotingFrom = from;
    this.promotionPlanned = planned;
    this.epoch = epoch;
    this.lease.renewed(nowUs);
    switch (this.role) {
      case "primary":
      case "fenced":
        // Ordered again into a newer epoch (the controller lost track and failed over once more,
        // to this node), or a failback called off after its target was ordered promoted: it holds
        // every write it took, and takes the newer epoch at once.
        this.becomePrimary(epoch);
        return;
      case "booting":
      case "catching-up":
      case "promoting":
        // A promotion under way goes on under the newer epoch, its pending step due when it was.
        this.setRole(this.role);
        this.world.after(this.promotionStepAtUs - nowUs, { kind: "promotion-step", node: this.index, epoch });
        return;
      case "off":
        this.setRole("booting");
        this.promotionStepAfter(this.config.bootInUs, epoch);
        return;
      case "standby":
      case "rejoining": {
        this.upstream = null;
        const catchUpUs = this.apply.catchUpDoneUs(nowUs) - nowUs;
        this.setRole(catchUpUs > 0 ? "catching-up" : "promoting");
        this.promotionStepAfter(catchUpUs > 0 ? catchUpUs : this.config.promoteInUs, epoch);
        return;
      }
      default: {
        const unknown: never = this.role;
        throw new Error(`unknown role ${String(unknown)}`);
      }
    }
  }

  private follow(primary: string, epoch: number): void {
    const nowUs = this.world.nowUs;
    const wasPrimary = this.role === "primary";
    this.epoch = epoch;
    this.upstream = primary;
    this.sender.stop();
    if (wasPrimary) this.world.emit({ kind: "demoted", tUs: nowUs, node: this.name, epoch });
    // Rewind to what this log shares with the new upstream's history, then stream from there.
    const { history } = this.world;
    const upstreamLog = this.world.logOf(primary);
    const common = history.commonPrefix(this.log, upstreamLog);
    const discarded = this.log.length - common;
    if (discarded > 0) {
      const discardedAcked = history.ackedBetween(this.log, common, this.log.length);
      this.world.emit({ kind: "rewind", tUs: nowUs, node: this.name, discarded, discardedAcked });
    }
    this.log = { timeline: upstreamLog.timeline, length: common };
    this.apply.reset(nowUs);
    this.setRole("standby");
    this.sendStatus(true);
  }

  private write(client: string, id: number): void {
    if (this.slowUs > 0) {
      this.world.after(this.slowUs, { kind: "slow-write", node: this.index, client, id });
      return;
    }
    this.commitWrite(client, id);
  }

  private commitWrite(client: string, id: number): void {
    const nowUs = this.world.nowUs;
    // Lease fencing: a primary that knows its lease may have lapsed refuses before committing
    // (this is what stops a primary waking from a long pause).
    if (this.role === "primary" && this.leaseLapsed()) this.setRole("fenced");
    const overloaded = nowUs < this.warmUntilUs && !this.rng.chance(this.config.warmUpCapacity);
    const tooFewReplicas = fencingMechanisms(this.policy.failover.fencing).needsReplicas && this.role === "primary" && !this.enoughReplicas();
    if (this.role !== "primary" || overloaded || tooFewReplicas || this.readOnly) {
      this.world.send(this.name, client, { type: "write-reply", id, ok: false, timelineId: -1, position: 0 });
      return;
    }
    const position = this.world.history.append(this.log.timeline, nowUs);
    this.log.length = position;
    const divergent = this.epoch < this.world.latestPromotedEpoch;
    this.world.emit({ kind: "write_accepted", tUs: nowUs, node: this.name, id, divergent });
    this.sender.commit(position, client, id);
  }

  /** A running primary or standby answers a read from what it has applied; a node in any other
   *  role refuses it. The answer is stale when that lacks the connection's last acknowledged
   *  write: a standby that has not applied it yet, or a log on another timeline. */
  private read(message: Message & { type: "read" }): void {
    const serving = this.role === "primary" || this.role === "standby";
    let fresh = false;
    if (serving) {
      const applied = this.role === "primary" ? this.log.length : this.log.length - this.apply.backlog(this.world.nowUs);
      fresh = message.timelineId < 0 || this.world.history.holds(this.log, applied, message.timelineId, message.position);
    }
    this.world.send(this.name, message.client, { type: "read-reply", id: message.id, ok: serving, fresh });
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
    const count = message.to - this.log.length;
    this.log.length = message.to;
    const appliedUs = this.apply.receive(count, nowUs);
    const lagUs = appliedUs - history.acceptUsAt(this.log, firstNew);
    this.world.emit({ kind: "replicated", tUs: nowUs, node: this.name, lagUs, position: message.to });
    if (waitsForStandbys(this.policy.replication)) this.sendStatus(false);
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

  /** Takes a role; the trace hears of every change of role or of epoch (a restart always). */
  private setRole(role: TraceRole): void {
    if (this.role === role && this.roleEpoch === this.epoch && role !== "rejoining") return;
    this.role = role;
    this.roleEpoch = this.epoch;
    this.world.emit({ kind: "role", tUs: this.world.nowUs, node: this.name, role, epoch: this.epoch });
  }
}
