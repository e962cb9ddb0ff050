// A client group's reads. Reads arrive like writes (Poisson or evenly spaced, from their own
// random stream, so adding reads leaves the writes' draws alone) and are spread over the
// group's connections in turn. Where a read goes (client-config.ts ReadFrom): to the primary as the
// connection knows it (its routing, its reconnects), or in turn to the running standbys — the
// running database nodes other than that primary — or to every running database node. A node
// that failed a read (refused it, or let it time out) is skipped for `readRecheckUs`, as a
// multi-host driver (pgjdbc's hostRecheckSeconds) remembers a host it found unusable; with no
// node left, the read goes to the primary. A read carries its connection's last acknowledged
// write; the node answering says whether it had applied that write (read-your-writes). A read
// has one attempt: unanswered within the group's timeout, it has failed. Memory: the reads in
// flight, two numbers per connection and one per database node.
import type { Rng } from "../engine/index.ts";
import type { ClientConfig } from "./client-config.ts";
import { InFlight } from "./in-flight.ts";
import type { Message, WorldEvent } from "./messages.ts";
import type { ReadOutcome, TraceEvent } from "./trace.ts";

export interface ReadsWorld {
  readonly nowUs: number;
  readonly durationUs: number;
  send(source: string, target: string, message: Message): void;
  at(timeUs: number, event: WorldEvent): void;
  emit(event: TraceEvent): void;
}

/** Where a connection's requests go now, and from when it can send. */
export interface ConnectionRoute {
  readonly target: string;
  readonly readyAtUs: number;
}

/** The client group the reads belong to. */
export interface ReadsHost {
  readonly name: string;
  readonly index: number;
  readonly connectionCount: number;
  /** The connection's current target (after any DNS refresh). */
  route(connection: number): ConnectionRoute;
}

interface Read {
  readonly id: number;
  issuedUs: number;
  connection: number;
  node: string;
}

export class ClientReads {
  private readonly inFlight = new InFlight<Read>();
  private issued = 0;
  private nextCandidate = 0;
  /** Until when each node is left out after a failed read. */
  private readonly avoidUntilUs = new Map<string, number>();
  private readonly gapUs: number;
  /** Per connection, its last acknowledged write: timeline (-1: none yet) and position. */
  private readonly ackTimeline: Int32Array;
  private readonly ackPosition: Float64Array;

  constructor(
    private readonly config: ClientConfig,
    private readonly host: ReadsHost,
    /** The running database nodes (primary and hot or warm standbys), in declaration order. */
    private readonly candidates: readonly string[],
    private readonly rng: Rng,
    private readonly world: ReadsWorld,
  ) {
    this.gapUs = 1e6 / config.readsPerSecond;
    this.ackTimeline = new Int32Array(host.connectionCount).fill(-1);
    this.ackPosition = new Float64Array(host.connectionCount);
  }

  start(): void {
    this.scheduleNext(0);
  }

  issue(): void {
    const nowUs = this.world.nowUs;
    const id = ++this.issued;
    this.inFlight.add({
      id,
      issuedUs: nowUs,
      connection: (id - 1) % this.host.connectionCount,
      node: "",
    });
    this.send(id);
    this.scheduleNext(nowUs);
  }

  /** Sends a read through its connection once that is ready. */
  send(id: number): void {
    const read = this.inFlight.get(id);
    if (read === undefined) return;
    const nowUs = this.world.nowUs;
    const route = this.host.route(read.connection);
    if (route.readyAtUs > nowUs) {
      this.world.at(route.readyAtUs, { kind: "read-send", client: this.host.index, id });
      return;
    }
    read.node = this.pick(route.target);
    const timelineId = this.ackTimeline[read.connection];
    const position = this.ackPosition[read.connection];
    // A connection without an address (its DNS answer expired in an outage) reads from nowhere.
    if (read.node !== "")
      this.world.send(this.host.name, read.node, {
        type: "read",
        client: this.host.name,
        id,
        timelineId,
        position,
      });
    this.world.at(nowUs + this.config.timeoutUs, {
      kind: "read-timeout",
      client: this.host.index,
      id,
    });
  }

  /** A write of this connection was acknowledged at `position` of timeline `timelineId`. */
  acked(connection: number, timelineId: number, position: number): void {
    this.ackTimeline[connection] = timelineId;
    this.ackPosition[connection] = position;
  }

  reply(message: Message & { type: "read-reply" }): void {
    if (!this.inFlight.has(message.id)) return; // too late: the read already timed out
    this.finish(message.id, message.ok ? (message.fresh ? "fresh" : "stale") : "rejected");
  }

  timeout(id: number): void {
    if (this.inFlight.has(id)) this.finish(id, "timeout");
  }

  /** Whether the read still waits for its answer (its timeout would act). */
  awaits(id: number): boolean {
    return this.inFlight.has(id);
  }

  private finish(id: number, outcome: ReadOutcome): void {
    const read = this.inFlight.get(id)!;
    this.inFlight.delete(id);
    if (outcome === "rejected" || outcome === "timeout")
      this.avoidUntilUs.set(read.node, this.world.nowUs + this.config.readRecheckUs);
    this.world.emit({
      kind: "read",
      tUs: this.world.nowUs,
      client: this.host.name,
      node: read.node,
      outcome,
      issuedUs: read.issuedUs,
    });
  }

  /** The node for a read whose connection's primary is `primary`. */
  private pick(primary: string): string {
    const { readFrom } = this.config;
    if (readFrom === "primary") return primary;
    const count = this.candidates.length;
    const nowUs = this.world.nowUs;
    for (let step = 0; step < count; step++) {
      const node = this.candidates[(this.nextCandidate + step) % count];
      if (readFrom === "standbys" && node === primary) continue;
      if ((this.avoidUntilUs.get(node) ?? 0) > nowUs) continue;
      this.nextCandidate = (this.nextCandidate + step + 1) % count;
      return node;
    }
    return primary;
  }

  private scheduleNext(nowUs: number): void {
    const nextUs =
      this.config.arrivals === "uniform"
        ? Math.round(this.issued * this.gapUs)
        : nowUs + Math.round(this.rng.exponential(this.gapUs));
    if (nextUs < this.world.durationUs)
      this.world.at(nextUs, { kind: "issue-read", client: this.host.index });
  }
}
