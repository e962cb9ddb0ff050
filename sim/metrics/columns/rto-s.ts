// Recovery time (RTO) as clients see it. Each incident starting at fault time f owns the window
// [f, next disruptive fault) — or [f, duration) for the last one. Its recovery time is the end
// of the last down period that BEGINS inside its window, minus f: the moment writes were
// acknowledged again for good. A period still open when an incident starts, whose first failed
// write was issued less than one client timeout before it — still awaiting its answer when the
// fault came, so failed by it — counts for that incident; so does any period still open at the
// first fault (there is no earlier incident to owe it to). No such down period gives 0 (clients
// never noticed). A period still open at the run duration
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

  /** @param graceUs the longest client timeout: a write issued less than this before a fault
   *  may still be awaiting its answer when the fault comes. */
  constructor(
    private readonly durationUs: number,
    private readonly graceUs: number,
  ) {}

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
    const owner = this.owner(period);
    if (owner < 0) return;
    const recoveryUs = Math.min(period.endUs, this.durationUs) - starts[owner];
    this.worstUs = Math.max(this.worstUs ?? 0, recoveryUs);
  }

  /** The incident a period is owed to: the next one if the period was still open at its start
   *  and began less than a client timeout before it (its first failed write was in flight when
   *  the fault came), else the one it began in; before the first fault, the first if the period
   *  was open at it; -1 for none. */
  private owner(period: DownPeriod): number {
    const starts = this.incidentStartsUs;
    const next = this.current + 1;
    const inFlightAtNext =
      next < starts.length &&
      period.endUs > starts[next] &&
      starts[next] - period.startUs < this.graceUs;
    if (inFlightAtNext || (this.current < 0 && next < starts.length && period.endUs > starts[next]))
      return next;
    return this.current;
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
    "incident) — or began before f, was still open at f and began less than one client " +
    "timeout before it (or before the first incident at all) — " +
    "minus f (0 if no write failed); the worst over incidents; empty without incidents",
  explanation:
    "For the worst incident, the time from the fault until writes were acknowledged again " +
    "after the last outage it caused.",
  format: "seconds",
  measure: ({ config, shared, observe }) => {
    const graceUs = Math.max(0, ...config.clients.map((client) => client.timeoutUs));
    const recovery = observe(new RecoveryObserver(config.durationUs, graceUs));
    const periods = new DownPeriods(config.durationUs, (period) => recovery.period(period));
    shared.onSettled((write) => periods.settle(write));
    // Added after the shared observers: the issue order has settled every write by then.
    observe({ reads: ["run_end"], observe: () => periods.finish() });
    return () => recovery.seconds();
  },
});
