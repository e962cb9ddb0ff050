// Client-observed downtime: the time during which a write would not have been acknowledged.
// Writes are read in issue order (issue-order.ts); each owns the interval from its issue to the
// next write's issue (the last one: to the run duration). Downtime is the total length of the
// intervals owned by failed writes, clipped to [0, duration]. It samples the service at the
// clients' own rate, so it is exact to within one inter-write gap at each edge of an outage.
import type { SettledWrite } from "./issue-order.ts";
import { secondsOf } from "./observer.ts";

export class Downtime {
  private downUs = 0;

  constructor(private readonly durationUs: number) {}

  /** Fed every settled write, in issue order. */
  settle(write: SettledWrite): void {
    if (write.acked) return;
    const startUs = Math.max(0, write.issuedUs);
    const endUs = Math.min(this.durationUs, write.ownedUntilUs);
    if (endUs > startUs) this.downUs += endUs - startUs;
  }

  seconds(): number {
    return secondsOf(this.downUs);
  }
}
