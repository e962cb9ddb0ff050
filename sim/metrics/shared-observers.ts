// The observers several metrics read, built once per run and fed before any metric's own: the
// client write counts, the writes put back into issue order (issue-order.ts) and handed, settled,
// to whoever listens — downtime, the per-group accounts, rto_s's down periods — the promotions,
// the lost and divergent writes, the reads and the per-group accounts (groups.csv). The order
// they are added in is the order they see each event: the issue order settles writes before the
// groups close their accounts at run_end.
import type { TraceEvent, WorldConfig } from "../model/index.ts";
import { Downtime } from "./downtime.ts";
import { FailoversObserver } from "./failovers.ts";
import { GroupsObserver, worstGroup, type GroupRow } from "./groups.ts";
import { IssueOrder, type SettledWrite } from "./issue-order.ts";
import { LostWritesObserver } from "./lost-writes.ts";
import { ReadsObserver } from "./reads.ts";
import type { TraceRouter } from "./trace-router.ts";
import { WritesObserver } from "./writes.ts";

export class SharedObservers {
  readonly writes: WritesObserver;
  readonly downtime: Downtime;
  readonly failovers: FailoversObserver;
  readonly lost: LostWritesObserver;
  readonly reads: ReadsObserver;
  readonly groups: GroupsObserver;
  private readonly settledListeners: ((write: SettledWrite) => void)[] = [];

  constructor(config: WorldConfig, router: TraceRouter) {
    this.writes = router.add(new WritesObserver());
    this.downtime = new Downtime(config.durationUs);
    this.groups = new GroupsObserver(config);
    this.onSettled((write) => this.downtime.settle(write));
    if (this.groups.perWrite) this.onSettled((write) => this.groups.settle(write));
    const listeners = this.settledListeners;
    router.add(
      new IssueOrder(config.durationUs, (write) => {
        for (let i = 0; i < listeners.length; i++) listeners[i](write);
      }),
    );
    this.failovers = router.add(new FailoversObserver());
    this.lost = router.add(new LostWritesObserver());
    this.reads = router.add(new ReadsObserver());
    router.add(this.groups);
    router.add({ reads: ["run_end"], observe: (_event: TraceEvent) => this.groups.finish() });
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
