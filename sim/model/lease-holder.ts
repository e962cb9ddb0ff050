// A data node's side of its lease with the coordination store, judged by the node's own clock
// (clock.ts): it notes each successful renewal in local time, and by Patroni's rule its lease has
// lapsed once renewEvery + retryTimeout of local time have passed since the last one (a renewal
// that fails is retried for retryTimeout; Patroni requires loop_wait + 2 × retry_timeout ≤ ttl,
// so the holder gives up before the store lets the lease expire — unless its clock runs slow).
import { Clock } from "./clock.ts";

export class LeaseHolder {
  private readonly clock = new Clock();
  /** Local time of the last successful renewal. */
  private renewedLocalUs = 0;

  /** A renewal succeeded (or the node took the primary role, which comes with the lease). */
  renewed(nowUs: number): void {
    this.renewedLocalUs = this.clock.local(nowUs);
  }

  lapsed(nowUs: number, lease: { renewEveryUs: number; retryTimeoutUs: number }): boolean {
    return (
      this.clock.local(nowUs) - this.renewedLocalUs > lease.renewEveryUs + lease.retryTimeoutUs
    );
  }

  /** The node's clock runs at `rate` from now on, after jumping by `jumpUs` (the clockSkew fault). */
  skew(nowUs: number, rate: number, jumpUs: number): void {
    this.clock.skew(nowUs, rate, jumpUs);
  }
}
