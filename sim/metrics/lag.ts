// Replication lag: the largest `replicated.lagUs` seen — at the moment a standby applied log
// entries, how long ago the newest of them was accepted by its primary. 0 when nothing was
// replicated. Lag is only sampled at applies: a standby cut off from its primary shows the
// lag it built up when it applies again, not while it is cut off.
import type { TraceEvent } from "../model/index.ts";
import { secondsOf, type TraceObserver } from "./observer.ts";

export class LagObserver implements TraceObserver {
  readonly reads = ["replicated"] as const;
  private worstUs = 0;

  observe(event: TraceEvent): void {
    if (event.kind === "replicated") this.sample(event.lagUs);
  }

  /** A replicated event's lag, from its values (a WriteTrace call: shared-observers.ts). */
  sample(lagUs: number): void {
    if (lagUs > this.worstUs) this.worstUs = lagUs;
  }

  maxSeconds(): number {
    return secondsOf(this.worstUs);
  }
}
