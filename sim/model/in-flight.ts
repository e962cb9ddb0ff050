// The requests a client has in flight (writes, reads), by id. Ids are handed out in increasing
// order and most requests finish in about the order they started, so the table is an array in
// id order: a lookup bisects the part not yet finished, a finished request is marked and the
// finished prefix is dropped now and then. A Map did the same job, but every insert and delete
// on a table that churns a thousand times a second reallocated its backing store every few
// dozen operations; this allocates only the records themselves.
export interface Request {
  readonly id: number;
}

export class InFlight<T extends Request> {
  /** Requests head..end-1 in id order; slots from end on are free (the array keeps its size). */
  private items: T[] = [];
  /** Parallel to items: 1 once finished. */
  private finished: Uint8Array = new Uint8Array(16);
  private head = 0;
  private end = 0;
  private count = 0;

  /** Requests started and not yet finished. */
  get size(): number {
    return this.count;
  }

  /** Adds a request; its id must be above every id added before. */
  add(item: T): void {
    const { items, end } = this;
    if (end > this.head && items[end - 1].id >= item.id)
      throw new Error(`request ${item.id} added after request ${items[end - 1].id}`);
    if (end === this.finished.length) {
      const grown = new Uint8Array(end * 2);
      grown.set(this.finished);
      this.finished = grown;
    }
    this.finished[end] = 0;
    if (end < items.length) items[end] = item;
    else items.push(item);
    this.end = end + 1;
    this.count++;
  }

  /** The unfinished request with this id, if any. */
  get(id: number): T | undefined {
    const index = this.indexOf(id);
    return index < 0 ? undefined : this.items[index];
  }

  has(id: number): boolean {
    return this.indexOf(id) >= 0;
  }

  /** Marks the request with this id finished (nothing if it is not in flight). */
  delete(id: number): void {
    const index = this.indexOf(id);
    if (index < 0) return;
    this.finished[index] = 1;
    this.count--;
    const { finished, end } = this;
    let head = this.head;
    while (head < end && finished[head] === 1) head++;
    // Start again at the front once the finished prefix is long, so the array stays about as
    // large as the in-flight window: at once when nothing is in flight, else by moving the rest.
    if (head === end) {
      this.end = 0;
      head = 0;
    } else if (head > 1024 && head * 2 > end) {
      const items = this.items;
      for (let i = head; i < end; i++) items[i - head] = items[i];
      finished.copyWithin(0, head, end);
      this.end = end - head;
      head = 0;
    }
    this.head = head;
  }

  private indexOf(id: number): number {
    const items = this.items;
    let low = this.head;
    let high = this.end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (items[middle].id < id) low = middle + 1;
      else high = middle;
    }
    return low < this.end && items[low].id === id && this.finished[low] === 0 ? low : -1;
  }
}
