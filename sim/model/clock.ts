// A node's own clock: real time, skewed. It runs at `rate` times real time (1 = accurate) and
// may jump. Only what a node judges by its own clock uses it — a primary deciding whether its
// lease has lapsed — so a slow clock makes a primary hold on to a lease the coordination store
// already considers expired.
export class Clock {
  private baseRealUs = 0;
  private baseLocalUs = 0;
  private rate = 1;

  /** Local time at real time `realUs` (≥ the last change). */
  local(realUs: number): number {
    return this.baseLocalUs + (realUs - this.baseRealUs) * this.rate;
  }

  /** The real time at which local time reaches `localUs`, as the clock runs now (the rate is
   *  above 0: the clockSkew fault refuses any other). */
  realAt(localUs: number): number {
    return this.baseRealUs + (localUs - this.baseLocalUs) / this.rate;
  }

  /** From `realUs` on, run at `rate` after jumping by `jumpUs`. */
  skew(realUs: number, rate: number, jumpUs: number): void {
    this.baseLocalUs = this.local(realUs) + jumpUs;
    this.baseRealUs = realUs;
    this.rate = rate;
  }
}
