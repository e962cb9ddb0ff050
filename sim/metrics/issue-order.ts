// Client writes put back into issue order. Outcomes arrive out of order — an ack a few ms after
// its issue, a timeout a whole client timeout later — but the client-observed metrics (downtime,
// down periods) read writes in the order they were issued: by issue time, ties by write id, then
// by client name. This buffer holds the writes still unresolved plus the resolved ones queued
// behind them, and settles writes from the head as soon as their outcome and their successor are
// both known. Its size is bounded by (write rate × longest client timeout), not by run length.
//
// A settled write "owns" the interval [its issue time, the next write's issue time); the last
// write of the run owns [its issue time, duration). A write still unresolved when the run ends
// (which a well-formed trace never has) is settled as failed: nobody saw it acknowledged.
import { RecentTwo, type TraceEvent } from "../model/index.ts";
import { TraceInvariantError, type TraceObserver } from "./observer.ts";

/** Handed to `onSettled`, valid only during that call (one object is reused: a run settles
 *  every one of its writes, and they are millions). */
export interface SettledWrite {
  client: string;
  id: number;
  issuedUs: number;
  acked: boolean;
  /** End of the interval this write owns: the next write's issue time, or the run duration. */
  ownedUntilUs: number;
}

interface PendingWrite {
  client: string;
  id: number;
  issuedUs: number;
  outcome: "acked" | "failed" | undefined;
}

export class IssueOrder implements TraceObserver {
  readonly reads = ["write_issued", "write_acked", "write_failed", "run_end"] as const;
  /** Writes in issue order; entries before `head` are already settled. */
  private queue: PendingWrite[] = [];
  private head = 0;
  /** Each client's last issued write id: ids only grow (a repeated one is a write issued twice).
   *  Kept in a holder updated in place; the last two clients' holders are checked first. */
  private readonly lastIdOf = new Map<string, { id: number }>();
  private readonly recentLastIds = new RecentTwo<{ id: number }>();
  private latestUs = 0;
  private finished = false;
  private readonly settled: SettledWrite = {
    client: "",
    id: 0,
    issuedUs: 0,
    acked: false,
    ownedUntilUs: 0,
  };

  constructor(
    private readonly durationUs: number,
    private readonly onSettled: (write: SettledWrite) => void,
  ) {}

  observe(event: TraceEvent): void {
    switch (event.kind) {
      case "write_issued":
        this.issued(event.tUs, event.client, event.id);
        return;
      case "write_acked":
        this.outcome(event.tUs, event.client, event.id, event.issuedUs, "acked");
        return;
      case "write_failed":
        this.outcome(event.tUs, event.client, event.id, event.issuedUs, "failed");
        return;
      case "run_end":
        if (this.finished) return;
        this.latestUs = event.tUs;
        this.finish();
        return;
      default:
        if (!this.finished) this.latestUs = event.tUs;
    }
  }

  /** A write_issued at `tUs` (from an event, or from its values: a WriteTrace call). */
  issued(tUs: number, client: string, id: number): void {
    if (this.finished) return;
    this.latestUs = tUs;
    this.insert({ client, id, issuedUs: tUs, outcome: undefined });
    this.settleReady();
  }

  /** A write_acked ("acked") or write_failed ("failed") at `tUs`. */
  outcome(
    tUs: number,
    client: string,
    id: number,
    issuedUs: number,
    outcome: "acked" | "failed",
  ): void {
    if (this.finished) return;
    this.latestUs = tUs;
    this.resolve(client, id, issuedUs, outcome);
    this.settleReady();
  }

  /** Writes held: the unresolved ones and those queued behind the oldest of them. */
  get buffered(): number {
    return this.queue.length - this.head;
  }

  /** Settles everything left; called at run_end. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (let i = this.head; i < this.queue.length; i++) {
      const write = this.queue[i];
      const next = this.queue[i + 1];
      this.emit(write, next ? next.issuedUs : this.durationUs);
    }
    this.queue = [];
    this.head = 0;
    this.lastIdOf.clear();
    this.recentLastIds.forget();
  }

  private insert(write: PendingWrite): void {
    const last = this.lastIssued(write.client);
    if (write.id <= last.id)
      throw new TraceInvariantError(
        `write ${write.id} of ${write.client} issued twice (or after write ${last.id})`,
      );
    last.id = write.id;
    // Issue events come in time order, so a write belongs at the tail unless it ties on time
    // with writes of a larger id (or same id, later client name) already queued.
    let index = this.queue.length;
    while (index > this.head && comesBefore(write, this.queue[index - 1])) index--;
    if (index === this.queue.length) this.queue.push(write);
    else this.queue.splice(index, 0, write);
  }

  /** The holder of a client's last issued write id (−Infinity before its first write). */
  private lastIssued(client: string): { id: number } {
    let last = this.recentLastIds.get(client);
    if (last === undefined) {
      last = this.lastIdOf.get(client);
      if (last === undefined) this.lastIdOf.set(client, (last = { id: -Infinity }));
      this.recentLastIds.remember(client, last);
    }
    return last;
  }

  /** An outcome names its write by client, id and issue time: the write's place in the queue,
   *  found by bisection among the unsettled ones (no index by id to keep up, write after write). */
  private resolve(client: string, id: number, issuedUs: number, outcome: "acked" | "failed"): void {
    const queue = this.queue;
    let low = this.head;
    let high = queue.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (isBefore(queue[middle], issuedUs, id, client)) low = middle + 1;
      else high = middle;
    }
    const write = queue[low];
    if (
      write === undefined ||
      write.issuedUs !== issuedUs ||
      write.id !== id ||
      write.client !== client
    ) {
      throw new TraceInvariantError(`outcome for write ${id} of ${client}, which is not in flight`);
    }
    if (write.outcome !== undefined)
      throw new TraceInvariantError(`write ${id} of ${client} resolved twice`);
    write.outcome = outcome;
  }

  /**
   * The head can settle once resolved and once its successor is final: a successor issued
   * strictly before the latest trace time cannot be displaced, since every later write_issued
   * carries a time at or after the latest one.
   */
  private settleReady(): void {
    const queue = this.queue;
    while (this.head + 1 < queue.length) {
      const write = queue[this.head];
      const next = queue[this.head + 1];
      if (write.outcome === undefined || next.issuedUs >= this.latestUs) break;
      this.emit(write, next.issuedUs);
      this.head++;
    }
    // Drop the settled prefix now and then, so the array stays as small as the in-flight set.
    if (this.head > 1024 && this.head * 2 > queue.length) {
      this.queue = queue.slice(this.head);
      this.head = 0;
    }
  }

  private emit(write: PendingWrite, ownedUntilUs: number): void {
    const settled = this.settled;
    settled.client = write.client;
    settled.id = write.id;
    settled.issuedUs = write.issuedUs;
    settled.acked = write.outcome === "acked";
    settled.ownedUntilUs = ownedUntilUs;
    this.onSettled(settled);
  }
}

function comesBefore(a: PendingWrite, b: PendingWrite): boolean {
  return isBefore(a, b.issuedUs, b.id, b.client);
}

/** Whether `write` comes before the write issued at `issuedUs` with this id and client. */
function isBefore(write: PendingWrite, issuedUs: number, id: number, client: string): boolean {
  if (write.issuedUs !== issuedUs) return write.issuedUs < issuedUs;
  if (write.id !== id) return write.id < id;
  return write.client < client;
}
