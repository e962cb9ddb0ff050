// A leader's side of the in-sync replica set (mode "isr"; the set itself is isr.ts): it hears
// its followers' reports, checks for followers that fell behind every replica.lag.time.max.ms /
// 2 (Kafka's isr-expiration task), proposes each change of the set to every monitor (the
// controller: AlterPartition) — again at each check until one acknowledges it — and tells the
// trace when an acknowledged change takes effect. Its owner (log-sender.ts) asks it which
// followers an acknowledgement waits for and whether min.insync.replicas is met.
import type { ReplicationConfig } from "./config.ts";
import { InSyncReplicas } from "./isr.ts";
import type { Message, WorldEvent } from "./messages.ts";
import type { TraceEvent } from "./trace.ts";

export interface IsrWorld {
  readonly nowUs: number;
  readonly monitors: readonly string[];
  send(source: string, target: string, message: Message): void;
  after(delayUs: number, event: WorldEvent): void;
  emit(event: TraceEvent): void;
}

export class IsrLeader {
  private readonly set: InSyncReplicas;
  private checkSet = false;

  constructor(
    private readonly node: {
      readonly name: string;
      readonly index: number;
      readonly epoch: number;
    },
    private readonly world: IsrWorld,
    private readonly replication: ReplicationConfig,
  ) {
    this.set = new InSyncReplicas(replication);
  }

  /** A new tenure with the ISR the controller granted. */
  start(members: readonly string[]): void {
    this.set.start(members, this.world.nowUs);
    if (this.checkSet) return;
    this.checkSet = true;
    this.world.after(this.replication.lagTimeMaxUs / 2, {
      kind: "isr-check",
      node: this.node.index,
    });
  }

  /** A follower reported holding `length` entries; the leader holds `leaderLength`. */
  reported(follower: string, length: number, leaderLength: number): void {
    this.set.reported(follower, length, leaderLength, this.world.nowUs);
    this.propose(false);
  }

  /** The periodic check; `active` is false once the node no longer leads (the timer ends). */
  check(active: boolean): void {
    this.checkSet = false;
    if (!active) return;
    this.propose(true);
    this.checkSet = true;
    this.world.after(this.replication.lagTimeMaxUs / 2, {
      kind: "isr-check",
      node: this.node.index,
    });
  }

  /** The controller acknowledged `members` for `epoch` (or, `imposed`, set them itself after
   *  fencing a member): true when the committed ISR changed. */
  acknowledged(epoch: number, members: readonly string[], imposed = false): boolean {
    if (epoch !== this.node.epoch) return false;
    const change = imposed ? this.set.imposed(members) : this.set.acknowledged(members);
    if (change === null) return false;
    const { before, after } = change;
    this.world.emit({
      kind: "isr",
      tUs: this.world.nowUs,
      node: this.node.name,
      members: after,
      left: before.filter((name) => !after.includes(name)),
      joined: after.filter((name) => !before.includes(name)),
      ...(imposed && { fenced: true as const }),
    });
    return true;
  }

  /** The followers an acknowledgement waits for now. */
  waitedFor(): string[] {
    return this.set.waitedFor(this.world.nowUs);
  }

  /** Whether the committed ISR, the leader included, reaches min.insync.replicas. */
  enough(): boolean {
    return this.set.enough();
  }

  private propose(resend: boolean): void {
    const members = this.set.proposal(this.world.nowUs, resend);
    if (members === null) return;
    const { name, epoch } = this.node;
    for (const monitor of this.world.monitors)
      this.world.send(name, monitor, { type: "isr", node: name, epoch, members });
  }
}
