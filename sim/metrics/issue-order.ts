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

/** A pending write's outcome, as its column holds it. */
const unresolved = 0;
const acked = 1;
const failed = 2;

export class IssueOrder implements TraceObserver {
  readonly reads = ["write_issued", "write_acked", "write_failed", "run_end"] as const;
  /** Writes in issue order, one column per field (a run buffers millions of writes one after
   *  another, and columns hold them without an object apiece); slots head..end-1 are held, the
   *  ones before head already settled. */
  private clients: string[] = new Array<string>(initialCapacity).fill("");
  private ids = new Float64Array(initialCapacity);
  private issuedAt = new Float64Array(initialCapacity);
  private outcomes = new Uint8Array(initialCapacity);
  private head = 0;
  private end = 0;
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
    this.insert(tUs, client, id);
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
    return this.end - this.head;
  }

  /** Settles everything left; called at run_end. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    for (let index = this.head; index < this.end; index++)
      this.emit(index, index + 1 < this.end ? this.issuedAt[index + 1] : this.durationUs);
    this.head = this.end = 0;
    this.lastIdOf.clear();
    this.recentLastIds.forget();
  }

  private insert(issuedUs: number, client: string, id: number): void {
    const last = this.lastIssued(client);
    if (id <= last.id)
      throw new TraceInvariantError(
        `write ${id} of ${client} issued twice (or after write ${last.id})`,
      );
    last.id = id;
    this.makeRoom();
    // Issue events come in time order, so a write belongs at the tail unless it ties on time
    // with writes of a larger id (or same id, later client name) already queued.
    let index = this.end;
    while (index > this.head && !this.isBefore(index - 1, issuedUs, id, client)) index--;
    if (index < this.end) this.shiftUp(index);
    this.clients[index] = client;
    this.ids[index] = id;
    this.issuedAt[index] = issuedUs;
    this.outcomes[index] = unresolved;
    this.end++;
  }

  /** Room for one more write at the end: the settled prefix is dropped when it is at least
   *  half the columns, else the columns double (so each write is moved O(1) times). */
  private makeRoom(): void {
    const capacity = this.ids.length;
    if (this.end < capacity) return;
    const { head, end } = this;
    if ((end - head) * 2 <= capacity) {
      this.ids.copyWithin(0, head, end);
      this.issuedAt.copyWithin(0, head, end);
      this.outcomes.copyWithin(0, head, end);
      this.clients.copyWithin(0, head, end);
    } else {
      this.ids = grown(this.ids, new Float64Array(capacity * 2), head, end);
      this.issuedAt = grown(this.issuedAt, new Float64Array(capacity * 2), head, end);
      this.outcomes = grown(this.outcomes, new Uint8Array(capacity * 2), head, end);
      const clients = new Array<string>(capacity * 2).fill("");
      for (let slot = head; slot < end; slot++) clients[slot - head] = this.clients[slot];
      this.clients = clients;
    }
    this.head = 0;
    this.end = end - head;
  }

  /** Moves the writes from `index` on one slot up (makeRoom made the room). */
  private shiftUp(index: number): void {
    const end = this.end;
    this.ids.copyWithin(index + 1, index, end);
    this.issuedAt.copyWithin(index + 1, index, end);
    this.outcomes.copyWithin(index + 1, index, end);
    this.clients.copyWithin(index + 1, index, end);
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
    let low = this.head;
    let high = this.end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.isBefore(middle, issuedUs, id, client)) low = middle + 1;
      else high = middle;
    }
    if (
      low === this.end ||
      this.issuedAt[low] !== issuedUs ||
      this.ids[low] !== id ||
      this.clients[low] !== client
    ) {
      throw new TraceInvariantError(`outcome for write ${id} of ${client}, which is not in flight`);
    }
    if (this.outcomes[low] !== unresolved)
      throw new TraceInvariantError(`write ${id} of ${client} resolved twice`);
    this.outcomes[low] = outcome === "acked" ? acked : failed;
  }

  /**
   * The head can settle once resolved and once its successor is final: a successor issued
   * strictly before the latest trace time cannot be displaced, since every later write_issued
   * carries a time at or after the latest one.
   */
  private settleReady(): void {
    const { outcomes, issuedAt } = this;
    let head = this.head;
    while (head + 1 < this.end) {
      const nextUs = issuedAt[head + 1];
      if (outcomes[head] === unresolved || nextUs >= this.latestUs) break;
      this.emit(head, nextUs);
      head++;
    }
    this.head = head;
  }

  private emit(index: number, ownedUntilUs: number): void {
    const settled = this.settled;
    settled.client = this.clients[index];
    settled.id = this.ids[index];
    settled.issuedUs = this.issuedAt[index];
    settled.acked = this.outcomes[index] === acked;
    settled.ownedUntilUs = ownedUntilUs;
    this.onSettled(settled);
  }

  /** Whether the write in slot `index` comes before the write issued at `issuedUs` with this id
   *  and client: by issue time, ties by id, then by client name. */
  private isBefore(index: number, issuedUs: number, id: number, client: string): boolean {
    const writeUs = this.issuedAt[index];
    if (writeUs !== issuedUs) return writeUs < issuedUs;
    const writeId = this.ids[index];
    if (writeId !== id) return writeId < id;
    return this.clients[index] < client;
  }
}

/** `column`'s slots head..end-1 at the start of `into`. */
function grown<T extends Float64Array | Uint8Array>(
  column: T,
  into: T,
  head: number,
  end: number,
): T {
  into.set(column.subarray(head, end));
  return into;
}

/** Slots the columns start with (they double as needed; the clients' array is as long as the
 *  others, filled with "", so that copyWithin can shift it). */
const initialCapacity = 1024;
