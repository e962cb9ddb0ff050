// How a standby applies (replays) the log it receives. Received entries are durable at once;
// applying them takes time, which is what separates a hot standby from a warm one:
// - continuously (applyEveryUs = 0): a delivery is applied `applyDelayUs` after it arrives, at
//   no more than `applyRatePerS` entries per second, after the work already queued;
// - in batches (applyEveryUs > 0): entries wait for the next batch tick (multiples of
//   applyEveryUs) at least `applyDelayUs` after arrival, then apply at `applyRatePerS`.
// Sans-io: it computes apply times when entries arrive, so no event is needed per apply.
// On promotion a standby stops waiting for ticks and applies its whole backlog at once.

export interface ApplySettings {
  applyDelayUs: number;
  /** Entries per second; Infinity for "as fast as they arrive". */
  applyRatePerS: number;
  /** 0 for continuous apply. */
  applyEveryUs: number;
}

interface Pending {
  doneUs: number;
  count: number;
}

export class ApplyQueue {
  /** When the work queued so far is done. */
  private busyUntilUs = 0;
  /** Deliveries not yet applied, in order (only those that finish in the future matter). */
  private readonly pending: Pending[] = [];
  private head = 0;

  constructor(private readonly settings: ApplySettings) {}

  /** Records a delivery of `count` entries at `nowUs`; returns when its last entry is applied. */
  receive(count: number, nowUs: number): number {
    this.prune(nowUs);
    const { applyDelayUs, applyEveryUs } = this.settings;
    let startUs = nowUs + applyDelayUs;
    if (applyEveryUs > 0) startUs = Math.ceil(startUs / applyEveryUs) * applyEveryUs;
    const doneUs = Math.max(startUs, this.busyUntilUs) + this.workUs(count);
    this.busyUntilUs = doneUs;
    this.pending.push({ doneUs, count });
    return doneUs;
  }

  /** Entries received but not applied by `nowUs`. */
  backlog(nowUs: number): number {
    this.prune(nowUs);
    let count = 0;
    for (let i = this.head; i < this.pending.length; i++) count += this.pending[i].count;
    return count;
  }

  /** When everything received is applied if the standby applies its backlog from now on, without waiting for a tick. */
  catchUpDoneUs(nowUs: number): number {
    if (this.settings.applyEveryUs === 0) return Math.max(nowUs, this.busyUntilUs);
    return nowUs + this.workUs(this.backlog(nowUs));
  }

  /** Forget the queue (after a rewind or restore: what the log holds counts as applied). */
  reset(nowUs: number): void {
    this.pending.length = 0;
    this.head = 0;
    this.busyUntilUs = nowUs;
  }

  private workUs(count: number): number {
    const rate = this.settings.applyRatePerS;
    return rate === Infinity ? 0 : Math.ceil((count * 1e6) / rate);
  }

  private prune(nowUs: number): void {
    while (this.head < this.pending.length && this.pending[this.head].doneUs <= nowUs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.pending.length) {
      this.pending.splice(0, this.head);
      this.head = 0;
    }
  }
}
