// The primary's side of replication: it ships committed entries to its followers in batches, on
// ticks `shipWindowUs` apart (WAL streaming and Redis replication send what has accumulated, not
// a message per write): an entry goes with the first tick at least `lagUs` after its commit,
// together with every other entry due by then, as one message per follower, and a standby that
// acknowledges (the synchronous modes) answers each message with one report. So a standby sees an
// entry up to one window later than `lagUs` after the commit (half a window on average), and
// under async replication a crash loses what was committed since the last tick at least `lagUs`
// before it; a window of 0 ships each entry on its own, exactly `lagUs` after its commit. It
// resends from where a follower says it is when that follower reports a gap
// or makes no progress, and decides when a write may be acknowledged:
// - async: at commit;
// - sync / quorum: once `waitFor` followers have reported holding the entry;
// - semi-sync: the same, but a commit that waits `semiSyncTimeoutUs` releases every waiting write
//   and the primary runs async until `waitFor` followers have caught up again (MySQL's rule);
// - isr (Kafka acks=all): once every follower the in-sync replica set waits for holds it
//   (isr-leader.ts) — and then only if the committed ISR, the leader included, still reaches
//   min.insync.replicas (else it is refused: NotEnoughReplicasAfterAppend).
// Followers are the standbys that report to this primary; a standby that follows someone else
// says so and is dropped. A report older than one already heard (a link that reorders) adds
// nothing.
import type { ReplicationConfig } from "./config.ts";
import type { NodeLog } from "./history.ts";
import { IsrLeader, type IsrWorld } from "./isr-leader.ts";
import type { Message, WorldEvent } from "./messages.ts";
import { TimeQueue } from "./time-queue.ts";
import type { TraceEvent } from "./trace.ts";

/** Whether a primary holds acknowledgements until standbys report holding the entry (every mode
 *  but async); standbys then report each delivery at once (data-node.ts). */
export function waitsForStandbys(replication: ReplicationConfig): boolean {
  return replication.mode !== "async";
}

export interface SenderWorld extends IsrWorld {
  readonly nowUs: number;
  send(source: string, target: string, message: Message, size?: number): void;
  after(delayUs: number, event: WorldEvent): void;
  emit(event: TraceEvent): void;
}

interface Follower {
  /** Highest position sent to this follower. */
  sentTo: number;
  /** Length it last reported holding. */
  ackedLength: number;
  /** When it last reported (min-replicas fencing counts recent reporters). */
  heardUs: number;
}

interface PendingAck {
  position: number;
  client: string;
  id: number;
  deadlineUs: number;
}

export class LogSender {
  private readonly followers = new Map<string, Follower>();
  /** Entries up to this position have been shipped (may be sent to followers). */
  private shippedEnd = 0;
  /** Ship times of the committed entries after shippedEnd, in log order. */
  private readonly shipAtUs = new TimeQueue();
  private shipTimerSet = false;
  private pendingAcks: PendingAck[] = [];
  private ackTimerSet = false;
  /** semi-sync only: true while fallen back to async. */
  private degraded = false;
  /** isr only: the in-sync replicas. */
  readonly isr: IsrLeader | null;
  /** The ship timer's event: one object for every tick (events are never changed once made). */
  private readonly shipEvent: WorldEvent;

  constructor(
    private readonly node: {
      readonly name: string;
      readonly index: number;
      readonly log: NodeLog;
      readonly epoch: number;
    },
    private readonly world: SenderWorld,
    private readonly replication: ReplicationConfig,
  ) {
    this.isr = replication.mode === "isr" ? new IsrLeader(node, world, replication) : null;
    this.shipEvent = { kind: "ship", node: node.index };
  }

  /** Starts a tenure as primary with these followers and (isr) the ISR the controller granted;
   *  everything already in the log counts as shipped. */
  start(followers: readonly string[], isr: readonly string[] = followers): void {
    this.stop();
    this.shippedEnd = this.node.log.length;
    this.degraded = false;
    for (const name of followers)
      this.followers.set(name, { sentTo: 0, ackedLength: 0, heardUs: this.world.nowUs });
    this.isr?.start(isr);
  }

  /** Ends the tenure (crash or demotion): waiting writes are never acknowledged. */
  stop(): void {
    this.followers.clear();
    this.shipAtUs.clear();
    this.pendingAcks = [];
  }

  /** A client write was appended at `position`. */
  commit(position: number, client: string, id: number): void {
    const { mode, semiSyncTimeoutUs } = this.replication;
    const nowUs = this.world.nowUs;
    const dueUs = this.shipTickUs(nowUs);
    if (dueUs === nowUs && this.shipAtUs.size === 0) {
      this.shippedEnd = position;
      this.streamAll();
    } else {
      this.shipAtUs.push(dueUs);
      if (!this.shipTimerSet) {
        this.shipTimerSet = true;
        this.world.after(dueUs - nowUs, this.shipEvent);
      }
    }
    const alone = this.isr !== null && this.isr.waitedFor().length === 0;
    if (!waitsForStandbys(this.replication) || this.degraded || alone) {
      this.reply(client, id, position);
      return;
    }
    this.pendingAcks.push({
      position,
      client,
      id,
      deadlineUs: this.world.nowUs + semiSyncTimeoutUs,
    });
    if (mode === "semi-sync" && !this.ackTimerSet) {
      this.ackTimerSet = true;
      this.world.after(semiSyncTimeoutUs, { kind: "ack-timeout", node: this.node.index });
    }
  }

  /** When an entry committed at `commitUs` ships: the first tick at least `lagUs` later (with a
   *  window of 0, exactly `lagUs` later). Ticks are multiples of the window in simulated time. */
  private shipTickUs(commitUs: number): number {
    const { lagUs, shipWindowUs } = this.replication;
    const dueUs = commitUs + lagUs;
    return shipWindowUs > 0 ? Math.ceil(dueUs / shipWindowUs) * shipWindowUs : dueUs;
  }

  /** The ship timer: sends the entries whose time has come and sets the timer for the next.
   *  `active` is false when the node can no longer ship (down, demoted): the timer just ends. */
  ship(active: boolean): void {
    this.shipTimerSet = false;
    if (!active) return;
    const nowUs = this.world.nowUs;
    let due = 0;
    while (due < this.shipAtUs.size && this.shipAtUs.at(due) <= nowUs) due++;
    if (due > 0) {
      this.shipAtUs.shift(due);
      this.shippedEnd += due;
      this.streamAll();
    }
    if (this.shipAtUs.size > 0) {
      this.shipTimerSet = true;
      this.world.after(this.shipAtUs.at(0) - nowUs, this.shipEvent);
    }
  }

  /** The semi-sync timer: the oldest waiting write has waited long enough. */
  ackTimeout(active: boolean): void {
    this.ackTimerSet = false;
    if (!active || this.pendingAcks.length === 0) return;
    const nowUs = this.world.nowUs;
    const head = this.pendingAcks[0];
    if (head.deadlineUs > nowUs) {
      this.ackTimerSet = true;
      this.world.after(head.deadlineUs - nowUs, { kind: "ack-timeout", node: this.node.index });
      return;
    }
    this.degraded = true;
    this.world.emit({ kind: "semi_sync", tUs: nowUs, node: this.node.name, on: false });
    this.release(Infinity);
  }

  /** A follower's report of how far its log reaches. */
  status(follower: string, length: number, gap: boolean): void {
    let state = this.followers.get(follower);
    if (!state) {
      state = { sentTo: length, ackedLength: length, heardUs: this.world.nowUs };
      this.followers.set(follower, state);
    }
    // On a link that reorders, a report can come after a newer one: it acknowledges nothing new
    // (a follower's log only shrinks when it follows anew, and then it reports a gap).
    if (length < state.ackedLength && !gap) {
      state.heardUs = this.world.nowUs;
      return;
    }
    // Resend on an explicit gap, or when the stream made no progress since the last report.
    const stalled = length === state.ackedLength && length < state.sentTo;
    if (gap || stalled) state.sentTo = Math.min(state.sentTo, length);
    state.ackedLength = length;
    state.heardUs = this.world.nowUs;
    this.stream(follower, state);
    this.isr?.reported(follower, length, this.node.log.length);
    if (!waitsForStandbys(this.replication)) return;
    this.release(this.acknowledgedLength());
    if (this.degraded && this.caughtUp() >= this.replication.waitFor) {
      this.degraded = false;
      this.world.emit({ kind: "semi_sync", tUs: this.world.nowUs, node: this.node.name, on: true });
    }
  }

  /** isr: the controller acknowledged an ISR of `epoch`; a shrink may release waiting writes. */
  isrAcknowledged(epoch: number, members: readonly string[], imposed = false): void {
    if (this.isr?.acknowledged(epoch, members, imposed)) this.release(this.acknowledgedLength());
  }

  /** isr: the committed ISR, the leader included, is below min.insync.replicas (NotEnoughReplicas). */
  refusesWrites(): boolean {
    return this.isr !== null && !this.isr.enough();
  }

  /** Followers that reported at or after `sinceUs`. */
  freshFollowers(sinceUs: number): number {
    let count = 0;
    for (const follower of this.followers.values()) if (follower.heardUs >= sinceUs) count++;
    return count;
  }

  drop(follower: string): void {
    this.followers.delete(follower);
  }

  /** The longest prefix held by at least `waitFor` followers (isr: by every follower waited for). */
  private acknowledgedLength(): number {
    if (this.isr !== null) {
      let length = this.node.log.length;
      for (const name of this.isr.waitedFor())
        length = Math.min(length, this.followers.get(name)?.ackedLength ?? 0);
      return length;
    }
    const lengths = [...this.followers.values()].map((f) => f.ackedLength).sort((a, b) => b - a);
    const k = this.replication.waitFor;
    return lengths.length >= k ? lengths[k - 1] : 0;
  }

  private caughtUp(): number {
    let count = 0;
    for (const follower of this.followers.values())
      if (follower.ackedLength >= this.node.log.length) count++;
    return count;
  }

  private release(length: number): void {
    let released = 0;
    while (released < this.pendingAcks.length && this.pendingAcks[released].position <= length) {
      const { client, id, position } = this.pendingAcks[released];
      this.reply(client, id, position);
      released++;
    }
    if (released > 0) this.pendingAcks.splice(0, released);
  }

  /** Acknowledges a write — unless (isr) the committed ISR fell below min.insync.replicas. */
  private reply(client: string, id: number, position: number): void {
    const ok = this.isr === null || this.isr.enough();
    this.world.send(this.node.name, client, {
      type: "write-reply",
      id,
      ok,
      timelineId: ok ? this.node.log.timeline.id : -1,
      position: ok ? position : 0,
    });
  }

  private streamAll(): void {
    this.followers.forEach((follower, name) => this.stream(name, follower));
  }

  /** Sends a follower every shipped entry it has not been sent yet, as one message. */
  private stream(name: string, follower: Follower): void {
    const end = this.shippedEnd;
    if (follower.sentTo >= end) return;
    const message: Message = {
      type: "replicate",
      primary: this.node.name,
      epoch: this.node.epoch,
      timelineId: this.node.log.timeline.id,
      from: follower.sentTo,
      to: end,
    };
    this.world.send(this.node.name, name, message, end - follower.sentTo);
    follower.sentTo = end;
  }
}
