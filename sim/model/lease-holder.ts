// A data node's side of its lease with the coordination store, judged by the node's own clock
// (clock.ts): it notes each successful renewal in local time, and by Patroni's rule its lease has
// lapsed once renewEvery + retryTimeout of local time have passed since the last one (a renewal
// that fails is retried for retryTimeout; Patroni requires loop_wait + 2 × retry_timeout ≤ ttl,
// so the holder gives up before the store lets the lease expire — unless its clock runs slow).
// The holder also says when, in real time, its lease will lapse if nothing changes (lapseAtUs),
// and calls `changed` whenever that instant moves (a renewal, a skewed clock), so that the node
// can look at its lease at that instant rather than at its next write.
import { Clock } from "./clock.ts";

type LeaseTimes = { renewEveryUs: number; retryTimeoutUs: number };

export class LeaseHolder {
  private readonly clock = new Clock();
  /** Local time of the last successful renewal. */
  private renewedLocalUs = 0;

  /** `changed`: called after every renewal and every change of the clock. */
  constructor(private readonly changed: () => void = () => {}) {}

  /** A renewal succeeded (or the node took the primary role, which comes with the lease). */
  renewed(nowUs: number): void {
    this.renewedLocalUs = this.clock.local(nowUs);
    this.changed();
  }

  lapsed(nowUs: number, lease: LeaseTimes): boolean {
    return (
      this.clock.local(nowUs) - this.renewedLocalUs > lease.renewEveryUs + lease.retryTimeoutUs
    );
  }

  /** The first whole microsecond of real time at which lapsed() holds, if the lease is not
   *  renewed and the clock keeps its rate (it may lie in the past). */
  lapseAtUs(lease: LeaseTimes): number {
    const limitUs = lease.renewEveryUs + lease.retryTimeoutUs;
    let atUs = Math.floor(this.clock.realAt(this.renewedLocalUs + limitUs)) + 1;
    // A skewed clock's division may round across the boundary: step to its first microsecond.
    for (let i = 0; i < 4 && !this.lapsed(atUs, lease); i++) atUs++;
    for (let i = 0; i < 4 && this.lapsed(atUs - 1, lease); i++) atUs--;
    return atUs;
  }

  /** The node's clock runs at `rate` from now on, after jumping by `jumpUs` (the clockSkew fault). */
  skew(nowUs: number, rate: number, jumpUs: number): void {
    this.clock.skew(nowUs, rate, jumpUs);
    this.changed();
  }
}
