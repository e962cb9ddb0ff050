// Replication lag: the largest `replicated.lagUs` seen — at the moment a standby applied log
// entries, how long ago the newest of them was accepted by its primary. 0 when nothing was
// replicated. Lag is only sampled at applies: a standby cut off from its primary shows the
// lag it built up when it applies again, not while it is cut off.
import type { TraceEvent } from "../../model/index.ts";
import { defineMetric } from "../metric.ts";
import { secondsOf, type TraceObserver } from "../observer.ts";

export class LagObserver implements TraceObserver {
  readonly reads = ["replicated"] as const;
  private worstUs = 0;

  observe(event: TraceEvent): void {
    if (event.kind === "replicated" && event.lagUs > this.worstUs) this.worstUs = event.lagUs;
  }

  maxSeconds(): number {
    return secondsOf(this.worstUs);
  }
}

export const maxLagS = defineMetric({
  column: "max_lag_s",
  definition:
    "the worst replication lag: over all entries a standby received, apply time (receipt " +
    "+ `applyDelay`) minus the time the primary accepted the oldest entry of that " +
    "delivery",
  explanation:
    "The worst replication lag: when a standby applied an entry, minus when the primary " +
    "accepted it.",
  format: "seconds",
  measure: ({ observe }) => {
    const lag = observe(new LagObserver());
    return () => lag.maxSeconds();
  },
});
