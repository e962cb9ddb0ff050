// A node's single line of work at a limited capacity: requests (writes, reads) each take
// 1/capacity seconds of service; health checks take none but wait their turn behind the work
// already queued, so an overloaded node answers its health checks late and looks dead. A
// request that would wait longer than the queue limit is refused at once (health checks never
// are). Sans-io: it only computes when each arrival's turn comes.

export class ServiceQueue {
  /** When the work queued so far is done. */
  private busyUntilUs = 0;
  private workUs = 0;

  constructor(
    capacityPerS: number,
    private readonly queueLimitUs: number,
  ) {
    this.workUs = Math.ceil(1e6 / capacityPerS);
  }

  /** The node handles `capacityPerS` from now on (an autoscaled fleet grew); work already
   *  queued keeps its turn. */
  setCapacity(capacityPerS: number): void {
    this.workUs = Math.ceil(1e6 / capacityPerS);
  }

  /** An arrival at `nowUs`: -1 when refused (a request beyond the queue limit), 0 when it is
   *  handled at once, otherwise how long until its turn. */
  admit(nowUs: number, isRequest: boolean): number {
    const startUs = Math.max(nowUs, this.busyUntilUs);
    if (isRequest && startUs - nowUs > this.queueLimitUs) return -1;
    this.busyUntilUs = startUs + (isRequest ? this.workUs : 0);
    return this.busyUntilUs - nowUs;
  }
}
