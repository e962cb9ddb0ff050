// A first-in, first-out queue of times (whole µs) on a ring buffer that grows by doubling: the
// primary's ship times of committed entries (log-sender.ts), one pushed per write and shifted
// a few at a time. A plain array's splice(0, k) allocated the removed part at every shift.
export class TimeQueue {
  private buffer = new Float64Array(64);
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(timeUs: number): void {
    if (this.count === this.buffer.length) {
      const grown = new Float64Array(this.buffer.length * 2);
      for (let i = 0; i < this.count; i++) grown[i] = this.at(i);
      this.buffer = grown;
      this.head = 0;
    }
    this.buffer[(this.head + this.count) & (this.buffer.length - 1)] = timeUs;
    this.count++;
  }

  /** The i-th time from the front (0: the oldest). */
  at(i: number): number {
    return this.buffer[(this.head + i) & (this.buffer.length - 1)];
  }

  /** Drops the `k` oldest times. */
  shift(k: number): void {
    this.head = (this.head + k) & (this.buffer.length - 1);
    this.count -= k;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
  }
}
