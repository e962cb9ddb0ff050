// The summary row: every metric of DESIGN.md §5 (and the columns added since: reads, sessions,
// the worst client group), computed online by feeding the trace to one small observer per
// concept; and the per-group rows of groups.csv. The trace is self-contained — `run_end` closes every open
// accounting (writes still buffered, a down period still open) — so values are read after it.
import type { TraceEvent, WorldConfig } from "../model/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { standbyCostPerHour } from "./cost.ts";
import { DetectionObserver } from "./detection.ts";
import { DownPeriods } from "./down-periods.ts";
import { Downtime } from "./downtime.ts";
import { FailoversObserver } from "./failovers.ts";
import { FlapsObserver } from "./flaps.ts";
import { GroupsObserver, worstGroup, type GroupRow } from "./groups.ts";
import { IssueOrder } from "./issue-order.ts";
import { LagObserver } from "./lag.ts";
import { LostWritesObserver } from "./lost-writes.ts";
import type { TraceObserver } from "./observer.ts";
import { ReadsObserver } from "./reads.ts";
import { RecoveryObserver } from "./recovery.ts";
import { SessionsObserver } from "./sessions.ts";
import { SplitBrainObserver } from "./split-brain.ts";
import { WritesObserver } from "./writes.ts";

export class SummaryObserver implements TraceObserver {
  private readonly writes = new WritesObserver();
  private readonly downtime: Downtime;
  private readonly downPeriods: DownPeriods;
  private readonly issueOrder: IssueOrder;
  private readonly failovers = new FailoversObserver();
  private readonly flaps: FlapsObserver;
  private readonly splitBrain: SplitBrainObserver;
  private readonly lost = new LostWritesObserver();
  private readonly detection: DetectionObserver;
  private readonly recovery: RecoveryObserver;
  private readonly lag = new LagObserver();
  private readonly reads = new ReadsObserver();
  private readonly sessions = new SessionsObserver();
  private readonly groups: GroupsObserver;
  /** Several client groups: per-write events also go to `groups` (one group needs none). */
  private readonly perGroupWrites: boolean;
  private readonly observers: TraceObserver[];
  private ended = false;

  constructor(private readonly config: WorldConfig) {
    const { durationUs } = config;
    this.downtime = new Downtime(durationUs);
    this.recovery = new RecoveryObserver(durationUs);
    this.downPeriods = new DownPeriods(durationUs, (period) => this.recovery.period(period));
    this.groups = new GroupsObserver(config);
    this.perGroupWrites = this.groups.perWrite;
    this.issueOrder = new IssueOrder(
      durationUs,
      this.perGroupWrites
        ? (write) => {
            this.downtime.settle(write);
            this.downPeriods.settle(write);
            this.groups.settle(write);
          }
        : (write) => {
            this.downtime.settle(write);
            this.downPeriods.settle(write);
          },
    );
    this.flaps = new FlapsObserver(config.failover.flapWindowUs);
    this.splitBrain = new SplitBrainObserver(durationUs);
    this.detection = new DetectionObserver(config);
    // Recovery sees a fault before the issue-order buffer can settle any period that follows it.
    this.observers = [
      this.writes,
      this.recovery,
      this.issueOrder,
      this.failovers,
      this.flaps,
      this.splitBrain,
      this.lost,
      this.detection,
      this.lag,
    ];
  }

  observe(event: TraceEvent): void {
    if (this.ended) throw new Error(`trace event ${event.kind} after run_end`);
    // Per-write events are most of the trace: each goes straight to the observers that read
    // it (an observer that starts reading one of these kinds must be added here too).
    switch (event.kind) {
      case "write_issued":
      case "write_acked":
      case "write_failed":
        this.writes.observe(event);
        this.issueOrder.observe(event);
        if (this.perGroupWrites) this.groups.observe(event);
        return;
      case "write_accepted":
        if (event.divergent) this.lost.observe(event);
        return;
      case "replicated":
        this.lag.observe(event);
        return;
      case "read":
        this.reads.observe(event);
        this.groups.observe(event);
        return;
      case "session_lost":
        this.sessions.observe(event);
        this.groups.observe(event);
        return;
      case "request_served":
        return;
      default:
        break;
    }
    for (const observer of this.observers) observer.observe(event);
    if (event.kind === "run_end") {
      this.downPeriods.finish();
      this.groups.finish();
      this.ended = true;
    }
  }

  /** The summary row's metric values; only after run_end. */
  values(): MetricValues {
    if (!this.ended) throw new Error("metrics read before run_end");
    const writes = this.writes.counts();
    const failovers = this.failovers.counts();
    const reads = this.reads.read();
    const worst = worstGroup(this.groupRows());
    return {
      writes_attempted: writes.attempted,
      writes_acked: writes.acked,
      writes_failed: writes.failed,
      availability: writes.availability,
      downtime_s: this.downtime.seconds(),
      failovers: failovers.failovers,
      false_failovers: failovers.falseFailovers,
      failbacks: failovers.failbacks,
      flaps: this.flaps.count(),
      split_brain_s: this.splitBrain.seconds(),
      lost_writes: this.lost.lostWrites(),
      divergent_writes: this.lost.divergentWrites(),
      detection_s: this.detection.seconds(),
      rto_s: this.recovery.seconds(),
      rpo_s: this.lost.rpoSeconds(),
      max_lag_s: this.lag.maxSeconds(),
      standby_cost: standbyCostPerHour(this.config),
      reads_attempted: reads.attempted,
      reads_served: reads.served,
      reads_failed: reads.failed,
      ryw_violations: reads.rywViolations,
      sessions_lost: this.sessions.count(),
      min_group_availability: worst.minAvailability,
      max_group_downtime_s: worst.maxDowntimeS,
    };
  }

  /** One row per client group (groups.csv); only after run_end. */
  groupRows(): GroupRow[] {
    if (!this.ended) throw new Error("group rows read before run_end");
    return this.groups.rows({ writes: this.writes.counts(), downtimeS: this.downtime.seconds() });
  }
}

/** Metrics of a whole trace at once — for tests and for traces read back from elsewhere. */
export function summarize(config: WorldConfig, trace: Iterable<TraceEvent>): MetricValues {
  const observer = new SummaryObserver(config);
  for (const event of trace) observer.observe(event);
  return observer.values();
}
