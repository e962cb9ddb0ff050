// What a data node serves, whatever its role machine says (data-node.ts, node-roles.ts): client
// writes as primary, reads, and the log it receives as a standby. Writes: a slow node (gray
// failure) handles each one `slow` late (a fixed delay, or a draw from the node's own stream); a primary commits a write unless it may not take writes
// (any role but primary, a lapsed lease, too few replicas under min-replicas fencing), cannot
// commit (read-only, full disk) or is warming up after a promotion and sheds the write (its
// warm-up capacity); shipping and the acknowledgement are its LogSender's. Reads: a running
// primary or standby answers from what it has applied (a standby's backlog is not visible yet);
// other roles refuse. As a standby it appends what its upstream sends in order (received =
// durable), applies it through its ApplyQueue and reports its position (at once under the
// synchronous modes) or asks for a resend when it sees a gap. With a capacity, requests and
// health checks wait in one line, so an overloaded node answers its health checks late. A
// partial stand-in (`serves`) refuses the writes and reads of the client groups it does not
// serve at once, before they take any of its capacity (the operations it lacks are switched off
// in front of it).
import type { Rng } from "../engine/index.ts";
import type { ApplyQueue } from "./apply-queue.ts";
import type { NodeConfig, ReplicationConfig } from "./config.ts";
import type { History, NodeLog } from "./history.ts";
import { sampleLatencyUs, type Latency } from "./latency/index.ts";
import { waitsForStandbys, type LogSender, type SenderWorld } from "./log-sender.ts";
import type { Message } from "./messages.ts";
import { ServiceQueue } from "./service-queue.ts";
import type { TraceRole, WriteTrace } from "./trace.ts";

export interface ServiceWorld extends SenderWorld {
  readonly history: History;
  /** Highest epoch whose promotion has completed anywhere. */
  readonly latestPromotedEpoch: number;
  /** The per-write events, as values (trace-out.ts). */
  readonly trace: WriteTrace;
}

/** The node the service works for. */
export interface ServedNode {
  readonly name: string;
  readonly index: number;
  readonly config: NodeConfig;
  readonly role: TraceRole;
  readonly epoch: number;
  readonly log: NodeLog;
  readonly upstream: string | null;
  readonly apply: ApplyQueue;
  readonly sender: LogSender;
  /** Lease fencing: a primary whose lease may have lapsed by its own clock fences itself. */
  checkLease(): void;
  /** min-replicas fencing: whether a primary must refuse writes for want of recent replicas. */
  tooFewReplicas(): boolean;
}

export class NodeService {
  /** Capacity: the line requests and health checks wait in (null: unlimited capacity). */
  private readonly line: ServiceQueue | null;
  /** Gray failure: each write is handled this late (µs, or drawn per write). */
  private slow: Latency = 0;
  /** Disk full / read-only: nothing can be committed. */
  private readOnly = false;
  /** After a promotion it serves only `warmUpCapacity` of writes until then. */
  private warmUntilUs = 0;

  constructor(
    private readonly node: ServedNode,
    private readonly world: ServiceWorld,
    private readonly replication: ReplicationConfig,
    private readonly rng: Rng,
  ) {
    const { capacityPerS, queueLimitUs } = node.config;
    this.line = capacityPerS === Infinity ? null : new ServiceQueue(capacityPerS, queueLimitUs);
  }

  /** Capacity: whether the message is handled now; if not it waits its turn (a served event) or
   *  is refused — as is a request of a client group a partial stand-in does not serve. */
  admit(message: Message): boolean {
    if (message.type !== "write" && message.type !== "ping" && message.type !== "read") return true;
    const unserved = message.type !== "ping" && !this.serves(message.client);
    if (this.line === null && !unserved) return true;
    const waitUs = unserved ? -1 : this.line!.admit(this.world.nowUs, message.type !== "ping");
    if (waitUs === 0) return true;
    const { name, index } = this.node;
    if (waitUs > 0) this.world.after(waitUs, { kind: "served", node: index, message });
    else if (message.type === "write")
      this.world.send(name, message.client, {
        type: "write-reply",
        id: message.id,
        ok: false,
        timelineId: -1,
        position: 0,
      });
    else if (message.type === "read")
      this.world.send(name, message.client, {
        type: "read-reply",
        id: message.id,
        ok: false,
        fresh: false,
      });
    return false;
  }

  /** Whether this node serves the client group's requests (a partial stand-in serves some). */
  serves(client: string): boolean {
    const served = this.node.config.serves;
    return served === null || served.includes(client);
  }

  setSlow(delay: Latency): void {
    this.slow = delay;
  }

  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
  }

  /** A promotion completed: serve at reduced capacity until `untilUs`. */
  warmUp(untilUs: number): void {
    this.warmUntilUs = untilUs;
  }

  write(client: string, id: number): void {
    const slowUs = this.slow === 0 ? 0 : sampleLatencyUs(this.slow, this.rng);
    if (slowUs > 0) {
      this.world.after(slowUs, { kind: "slow-write", node: this.node.index, client, id });
      return;
    }
    this.commit(client, id);
  }

  commit(client: string, id: number): void {
    const { node, world } = this;
    const nowUs = world.nowUs;
    // Lease fencing: a primary that knows its lease may have lapsed refuses before committing
    // (this is what stops a primary waking from a long pause).
    node.checkLease();
    const overloaded = nowUs < this.warmUntilUs && !this.rng.chance(node.config.warmUpCapacity);
    const refused = node.tooFewReplicas() || node.sender.refusesWrites();
    if (node.role !== "primary" || overloaded || refused || this.readOnly) {
      world.send(node.name, client, {
        type: "write-reply",
        id,
        ok: false,
        timelineId: -1,
        position: 0,
      });
      return;
    }
    const position = world.history.append(node.log.timeline, nowUs);
    node.log.length = position;
    const divergent = node.epoch < world.latestPromotedEpoch;
    world.trace.writeAccepted(nowUs, node.name, id, divergent);
    node.sender.commit(position, client, id);
  }

  /** A running primary or standby answers a read from what it has applied; a node in any other
   *  role refuses it. The answer is stale when that lacks the connection's last acknowledged
   *  write: a standby that has not applied it yet, or a log on another timeline. */
  read(message: Message & { type: "read" }): void {
    const { node, world } = this;
    const serving = node.role === "primary" || node.role === "standby";
    let fresh = false;
    if (serving) {
      const applied =
        node.role === "primary"
          ? node.log.length
          : node.log.length - node.apply.backlog(world.nowUs);
      fresh =
        message.timelineId < 0 ||
        world.history.holds(node.log, applied, message.timelineId, message.position);
    }
    world.send(node.name, message.client, {
      type: "read-reply",
      id: message.id,
      ok: serving,
      fresh,
    });
  }

  /** Log entries from a primary: appended if they come from its upstream, in order. */
  replicate(message: Message & { type: "replicate" }): void {
    const { node, world } = this;
    if (node.role !== "standby" || message.primary !== node.upstream) {
      if (node.role !== "rejoining")
        world.send(node.name, message.primary, { type: "not-following", node: node.name });
      return;
    }
    if (message.timelineId !== node.log.timeline.id || message.from > node.log.length) {
      this.sendStatus(true);
      return;
    }
    if (message.to <= node.log.length) return;
    const { nowUs, history } = world;
    const firstNew = node.log.length + 1;
    const count = message.to - node.log.length;
    node.log.length = message.to;
    const appliedUs = node.apply.receive(count, nowUs);
    const lagUs = appliedUs - history.acceptUsAt(node.log, firstNew);
    world.trace.replicated(nowUs, node.name, lagUs, message.to);
    if (waitsForStandbys(this.replication)) this.sendStatus(false);
  }

  /** Reports its position to its upstream; `gap` asks for a resend. */
  sendStatus(gap: boolean): void {
    const { node } = this;
    if (node.upstream === null) return;
    this.world.send(node.name, node.upstream, {
      type: "status",
      node: node.name,
      timelineId: node.log.timeline.id,
      length: node.log.length,
      gap,
    });
  }
}
