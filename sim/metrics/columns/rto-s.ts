// Recovery time (RTO) as clients see it. Each incident starting at fault time f owns the window
// [f, next disruptive fault) — or [f, duration) for the last one. Its recovery time is the end
// of the last down period that BEGINS inside its window, minus f: the moment writes were
// acknowledged again for good. A period that began before the first fault but was still open at
// it counts for the first incident (a write issued a moment before a crash fails because of it).
// No such down period gives 0 (clients never noticed). A period still open at the run duration
// ends there (censored: the true RTO is at least this). A period already running when a later
// fault hits is credited to the incident it began in, whose RTO it fully covers, so the maximum
// over incidents is unaffected.
// rto_s is the maximum over incidents; null without any incident.
//
// Down periods arrive in issue order and only after the trace has moved past their start, so
// every fault at or before a period's start has already been seen when the period arrives.
import type { TraceEvent } from "../../model/index.ts";
import { DownPeriods, type DownPeriod } from "../down-periods.ts";
import { incidentStartUs } from "../incidents.ts";
import { defineMetric } from "../metric.ts";
import { secondsOf, type TraceObserver } from "../observer.ts";

export class RecoveryObserver implements TraceObserver {
  readonly reads = ["fault"] as const;
  /** Start times of the incidents seen so far (bounded by the fault schedule). */
  private readonly incidentStartsUs: number[] = [];
  /** Index of the incident owning the latest period start; periods start in increasing order. */
  private current = -1;
  private worstUs: number | null = null;

  constructor(private readonly durationUs: number) {}

  observe(event: TraceEvent): void {
    const startUs = incidentStartUs(event);
    if (startUs === null || startUs > this.durationUs) return;
    this.incidentStartsUs.push(startUs);
    // An incident whose window holds no down period recovers in 0.
    if (this.worstUs === null) this.worstUs = 0;
  }

  /** Fed every down period, in order of start. */
  period(period: DownPeriod): void {
    const starts = this.incidentStartsUs;
    while (this.current + 1 < starts.length && starts[this.current + 1] <= period.startUs)
      this.current++;
    // An outage over before the first fault belongs to no incident; one still open at it, to the first.
    const owner =
      this.current >= 0 ? this.current : starts.length > 0 && period.endUs > starts[0] ? 0 : -1;
    if (owner < 0) return;
    const recoveryUs = Math.min(period.endUs, this.durationUs) - starts[owner];
    this.worstUs = Math.max(this.worstUs ?? 0, recoveryUs);
  }

  /** Worst recovery time in seconds; null when the run had no incident. */
  seconds(): number | null {
    return this.worstUs === null ? null : secondsOf(this.worstUs);
  }
}

export const rtoS = defineMetric({
  column: "rto_s",
  definition:
    "a *down period* is a run of consecutive failed writes, from the first one's issue " +
    "time to the issue time of the next acknowledged write (or the end of the run); for " +
    "each incident at time f, the end of the last down period that begins in [f, next " +
    "incident) — or, for the first incident, began before f and was still open at f — " +
    "minus f (0 if no write failed); the worst over incidents; empty without incidents",
  explanation:
    "For the worst incident, the time from the fault until writes were acknowledged again " +
    "after the last outage it caused.",
  format: "seconds",
  measure: ({ config, shared, observe }) => {
    const recovery = observe(new RecoveryObserver(config.durationUs));
    const periods = new DownPeriods(config.durationUs, (period) => recovery.period(period));
    shared.onSettled((write) => periods.settle(write));
    // Added after the shared observers: the issue order has settled every write by then.
    observe({ reads: ["run_end"], observe: () => periods.finish() });
    return () => recovery.seconds();
  },
});
