// The observers several metrics read, built once per run and fed before any metric's own: the
// client write counts, the writes put back into issue order (issue-order.ts) and handed, settled,
// to whoever listens — downtime, the per-group accounts, rto_s's down periods — the promotions,
// the lost and divergent writes, the reads, replication lag, lost sessions and the per-group
// accounts (groups.csv). They alone read the per-write events, most of a trace: each goes
// straight to the observers that read it, by a switch (a call each, never through the router's
// lists — this is the run's hot path); the rest come through the router in the order added.
import type { TraceEvent, WorldConfig } from "../model/index.ts";
import { Downtime } from "./downtime.ts";
import { FailoversObserver } from "./failovers.ts";
import { GroupsObserver, worstGroup, type GroupRow } from "./groups.ts";
import { IssueOrder, type SettledWrite } from "./issue-order.ts";
import { LagObserver } from "./lag.ts";
import { LostWritesObserver } from "./lost-writes.ts";
import { ReadsObserver } from "./reads.ts";
import { SessionsObserver } from "./sessions.ts";
import type { TraceRouter } from "./trace-router.ts";
import { WritesObserver } from "./writes.ts";

export class SharedObservers {
  readonly writes = new WritesObserver();
  readonly downtime: Downtime;
  readonly failovers = new FailoversObserver();
  readonly lost = new LostWritesObserver();
  readonly reads = new ReadsObserver();
  readonly lag = new LagObserver();
  readonly sessions = new SessionsObserver();
  readonly groups: GroupsObserver;
  private readonly issueOrder: IssueOrder;
  private readonly settledListeners: ((write: SettledWrite) => void)[] = [];

  constructor(config: WorldConfig, router: TraceRouter) {
    this.downtime = new Downtime(config.durationUs);
    this.groups = new GroupsObserver(config);
    this.onSettled((write) => this.downtime.settle(write));
    if (this.groups.perWrite) this.onSettled((write) => this.groups.settle(write));
    const listeners = this.settledListeners;
    this.issueOrder = new IssueOrder(config.durationUs, (write) => {
      for (let i = 0; i < listeners.length; i++) listeners[i](write);
    });
    for (const observer of [this.issueOrder, this.failovers, this.lost]) router.add(observer);
    router.add({ reads: ["run_end"], observe: () => this.groups.finish() });
  }

  /** A per-write event to the observers that read it; false for any other kind. */
  observePerWrite(event: TraceEvent): boolean {
    switch (event.kind) {
      case "write_issued":
        this.writeIssued(event.tUs, event.client, event.id);
        return true;
      case "write_acked":
        this.writeAcked(event.tUs, event.client, event.id, event.issuedUs);
        return true;
      case "write_failed":
        this.writes.observe(event);
        this.issueOrder.observe(event);
        if (this.groups.perWrite) this.groups.observe(event);
        return true;
      case "write_accepted":
        if (event.divergent) this.lost.observe(event);
        return true;
      case "replicated":
        this.lag.observe(event);
        return true;
      case "read":
        this.reads.observe(event);
        this.groups.observe(event);
        return true;
      case "session_lost":
        this.sessions.observe(event);
        this.groups.observe(event);
        return true;
      case "request_served":
        return true;
      default:
        return false;
    }
  }

  // The per-write events of WriteTrace (trace.ts), from their values: what observePerWrite does
  // with their events.

  writeIssued(tUs: number, client: string, id: number): void {
    this.writes.issued();
    this.issueOrder.issued(tUs, client, id);
    if (this.groups.perWrite) this.groups.issued(client);
  }

  /** A write_accepted flagged divergent. */
  divergentWrite(): void {
    this.lost.divergentWrite();
  }

  replicated(lagUs: number): void {
    this.lag.sample(lagUs);
  }

  writeAcked(tUs: number, client: string, id: number, issuedUs: number): void {
    this.writes.ackedOne();
    this.issueOrder.outcome(tUs, client, id, issuedUs, "acked");
    if (this.groups.perWrite) this.groups.acked(client);
  }

  /** `listener` is handed every write as it settles, in issue order (valid only during the call). */
  onSettled(listener: (write: SettledWrite) => void): void {
    this.settledListeners.push(listener);
  }

  /** One row per client group (groups.csv); only after run_end. */
  groupRows(): GroupRow[] {
    return this.groups.rows({ writes: this.writes.counts(), downtimeS: this.downtime.seconds() });
  }

  /** The worst client group's availability and downtime; only after run_end. */
  worstGroup(): ReturnType<typeof worstGroup> {
    return worstGroup(this.groupRows());
  }
}
