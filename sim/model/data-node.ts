// A data node: a database process that is primary or standby. Its role changes only through its
// role machine, a table (node-roles.ts: role × event → role, and what it does on the way, under
// the authority rule: writes as primary only in the epoch it was promoted into); this file
// carries the actions out and feeds the machine its events — its messages (node-messages.ts: the
// controller's commands, the coordination store's answers), its own lease and replicas, the
// world's fencing; its report to the monitors is node-report.ts's. What it serves —
// writes, reads, the log it receives as a standby — is node-service.ts's; shipping and
// acknowledgement its LogSender's. Readiness decides what a promotion costs: a hot or warm
// standby first applies its backlog ("catching-up"), a cold one is "off" and first boots,
// restores the last base backup and replays the archived log; then "promoting" for promoteIn;
// then it serves, at reduced capacity during its warm-up. Assumptions: the log survives a crash
// (it is on disk); a restarted node takes no writes until the controller assigns its role (as
// Patroni does). A primary that may not take writes is "fenced": its lease lapsed (lease
// fencing: no successful renewal for renewEvery + retryTimeout, by its own clock), it hears too
// few replicas (min-replicas), its epoch is stale (epoch fencing, from the write authority), it
// stepped down for a failback, STONITH powered it off, or the coordination store named a primary
// of a newer epoch.
import type { Rng } from "../engine/index.ts";
import { ApplyQueue } from "./apply-queue.ts";
import type { NodeReport } from "./cluster-state.ts";
import type { NodeConfig } from "./config.ts";
import { fencingMechanisms, type FencingMechanisms } from "./fencing/index.ts";
import type { NodeLog } from "./history.ts";
import type { Latency } from "./latency/index.ts";
import { LeaseHolder } from "./lease-holder.ts";
import { LogSender } from "./log-sender.ts";
import type { Message } from "./messages.ts";
import { transition, type RoleAction, type RoleEvent } from "./node-roles.ts";
import { roleActions, type ActingNode, type NodePolicy, type NodeWorld } from "./node-actions.ts";
import { handleMessage } from "./node-messages.ts";
import { reportOf } from "./node-report.ts";
import { NodeService } from "./node-service.ts";
import type { TraceRole } from "./trace.ts";

export type { NodePolicy, NodeWorld };

export class DataNode implements ActingNode {
  readonly name: string;
  up = true;
  role: TraceRole;
  epoch = 1;
  log: NodeLog;
  upstream: string | null = null;
  readonly sender: LogSender;
  readonly apply: ApplyQueue;
  readonly service: NodeService;
  readonly fencing: FencingMechanisms;
  /** The promotion under way: whom it replaces, whether planned, when its pending step is due
   *  (-1: none); the ISR granted with the last promotion or resume order (isr replication). */
  readonly promotion = { from: "", planned: false, stepAtUs: -1, isr: [] as readonly string[] };
  /** Its lease, judged by its own clock; a renewal or a skewed clock moves the look at it. */
  readonly lease = new LeaseHolder(() => this.watchLease());
  /** Lease fencing: when the pending look at the lease is due (Infinity: none pending). */
  private leaseCheckAtUs = Infinity;
  /** The epoch this node was last promoted into (the original primary: 1; 0: never primary).
   *  It may accept writes as primary only while this is its epoch. */
  primaryEpoch = 0;
  /** The epoch in which this primary gave the role up — stepped down for a failback, or learned
   *  of a newer primary: it stays fenced until told otherwise, whatever its lease or replicas say. */
  yieldedEpoch = -1;
  /** The epoch in which it handed the role over for a planned failback (-1: none). */
  handedOverEpoch = -1;
  /** A deposed primary's rejoin under way (node-actions.ts: dueUs -1 when none). */
  readonly rejoin = { epoch: 0, dueUs: -1 };
  /** The epoch of the last role the trace heard of. */
  private roleEpoch = 1;

  constructor(
    readonly config: NodeConfig,
    readonly index: number,
    log: NodeLog,
    primary: string,
    standbys: readonly string[],
    readonly rng: Rng,
    readonly world: NodeWorld,
    readonly policy: NodePolicy,
  ) {
    this.name = config.name;
    this.log = log;
    this.fencing = fencingMechanisms(policy.failover.fencing);
    this.sender = new LogSender(this, world, policy.replication);
    this.apply = new ApplyQueue({ ...config, applyDelayUs: policy.replication.applyDelayUs });
    this.service = new NodeService(this, world, policy.replication, rng);
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
    return reportOf(this);
  }

  receive(message: Message): void {
    if (this.service.admit(message)) handleMessage(this, message);
  }

  /** A queued message's turn has come. */
  served(message: Message): void {
    if (this.up) handleMessage(this, message);
  }

  crash(): void {
    this.up = false;
    this.promotion.stepAtUs = -1;
    this.rejoin.dueUs = -1;
    this.sender.stop();
    this.world.emit({ kind: "node_down", tUs: this.world.nowUs, node: this.name });
  }

  restart(): void {
    this.step({ kind: "restart" });
  }

  /** Periodic: a standby reports its position; under min-replicas fencing a primary checks its replicas. */
  statusTick(): void {
    if (!this.up) return;
    if (this.role === "standby" && this.upstream !== null) this.service.sendStatus(false);
    if (this.fencing.needsReplicas)
      this.step({ kind: this.enoughReplicas() ? "replicas-back" : "replicas-short" });
  }

  /** Periodic: renew the lease with the coordination store (the monitors); a primary that has not
   *  managed to for retryTimeout demotes itself. */
  renewTick(): void {
    if (!this.up || this.role === "off") return;
    this.watchLease();
    for (const monitor of this.world.monitors)
      this.world.send(this.name, monitor, {
        type: "renew",
        node: this.name,
        report: this.report(),
      });
  }

  /** STONITH powered this node off: whatever it was, it is fenced (and down) now. */
  poweredOff(): void {
    this.step({ kind: "powered-off" });
  }

  /** Epoch fencing: storage now refuses this primary's commits. */
  fence(): void {
    this.step({ kind: "stale-epoch" });
  }

  ship(): void {
    this.sender.ship(this.up && (this.role === "primary" || this.role === "fenced"));
  }

  ackTimeout(): void {
    this.sender.ackTimeout(this.up && this.role === "primary");
  }

  setSlow(delay: Latency): void {
    this.service.setSlow(delay);
  }

  setReadOnly(readOnly: boolean): void {
    this.service.setReadOnly(readOnly);
  }

  skewClock(rate: number, jumpUs: number): void {
    this.lease.skew(this.world.nowUs, rate, jumpUs);
  }

  /** A slow node finally handles a write. */
  slowWrite(client: string, id: number): void {
    if (this.up) this.service.commit(client, id);
  }

  /** Lease fencing: the look at the lease that watchLease armed. */
  leaseCheck(): void {
    if (this.world.nowUs >= this.leaseCheckAtUs) this.leaseCheckAtUs = Infinity;
    if (this.up) this.watchLease();
  }

  /** Lease fencing: a primary fences itself at the instant its lease lapses by its own clock, not
   *  at its next write: from then on it would refuse writes, so it no longer counts as a writable
   *  primary. Fences now if the lease has lapsed already; else looks again at the instant it will
   *  (one look pending at a time, at the earliest such instant; a look that finds the lease
   *  renewed arms the next). */
  private watchLease(): void {
    if (!this.fencing.holdsLease) return;
    const nowUs = this.world.nowUs;
    const atUs = this.lease.lapseAtUs(this.policy.failover.lease);
    if (atUs <= nowUs) {
      this.checkLease();
      return;
    }
    if (!(atUs < this.leaseCheckAtUs)) return;
    this.leaseCheckAtUs = atUs;
    this.world.after(atUs - nowUs, { kind: "lease-check", node: this.index });
  }

  /** Lease fencing: a primary whose lease has lapsed by its own clock (lease-holder.ts) fences itself. */
  checkLease(): void {
    if (
      this.role === "primary" &&
      this.fencing.holdsLease &&
      this.lease.lapsed(this.world.nowUs, this.policy.failover.lease)
    )
      this.step({ kind: "lease-lapsed" });
  }

  /** min-replicas fencing: a primary refuses writes without enough recently-heard replicas. */
  tooFewReplicas(): boolean {
    return this.fencing.needsReplicas && this.role === "primary" && !this.enoughReplicas();
  }

  private enoughReplicas(): boolean {
    const { minReplicas, minReplicasMaxLagUs } = this.policy.failover;
    return this.sender.freshFollowers(this.world.nowUs - minReplicasMaxLagUs) >= minReplicas;
  }

  /** The current stage of a promotion is over: move to the next. */
  promotionStep(epoch: number): void {
    // A step scheduled before a crash is void: a promotion ordered again has steps of its own.
    if (!this.up || this.epoch !== epoch || this.world.nowUs !== this.promotion.stepAtUs) return;
    this.step({ kind: "promotion-step" });
  }

  /** A deposed primary's time out is over: it follows now (unless a crash or an order came
   *  between). */
  rejoinStep(dueUs: number): void {
    if (!this.up || this.role !== "rejoining" || this.rejoin.dueUs !== dueUs) return;
    this.step({ kind: "rejoined", epoch: this.rejoin.epoch });
  }

  /** Feeds the role machine an event: the rule for this role, if any, is carried out — `grant`
   *  first (what the command sets whichever role it meets), then the rule's action. */
  step(event: RoleEvent, grant?: () => void): void {
    const rule = transition(this, event);
    if (rule === null) return;
    grant?.();
    if (rule.do === undefined) this.setRole(rule.to as TraceRole);
    else this.act(rule.do, "epoch" in event ? event.epoch : this.epoch);
  }

  /** The role machine's actions (node-actions.ts), each taking its role at its own moment. */
  private act(action: RoleAction, epoch: number): void {
    roleActions[action](this, epoch);
  }

  /** Takes the primary role again in the epoch it was promoted into (the authority rule). */
  retake(): void {
    if (this.primaryEpoch !== this.epoch) {
      throw new Error(
        `${this.name} would take writes in epoch ${this.epoch}, but it was promoted into epoch ${this.primaryEpoch}`,
      );
    }
    this.yieldedEpoch = -1;
    this.handedOverEpoch = -1;
    this.setRole("primary");
  }

  /** Takes a role; the trace hears of every change of role or of epoch (a restart always). */
  setRole(role: TraceRole): void {
    if (this.role === role && this.roleEpoch === this.epoch && role !== "rejoining") return;
    this.role = role;
    this.roleEpoch = this.epoch;
    this.world.emit({
      kind: "role",
      tUs: this.world.nowUs,
      node: this.name,
      role,
      epoch: this.epoch,
    });
  }
}
