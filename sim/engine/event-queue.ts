// The pending-event set: a binary min-heap over typed arrays, totally ordered by
// (time, insertion sequence). Two events at the same microsecond pop in the order they were
// scheduled, so a run never depends on how the heap happens to break ties.
// Layout, for speed (test/bench/hold.ts measures it against a bare typed-array heap): the heap
// moves only a Float64Array of times and an Int32Array of slots; an event's payload and sequence
// number stay in its slot (slots are reused last-freed-first, so they stay warm in cache). The
// sequence is read only when two times are equal. A fresh push carries the largest sequence so
// far, so while sifting it up an equal time already decides: it stays below.
// A sequence number can be taken ahead of time (reserve) and the event pushed later with it
// (pushReserved): a component that keeps a time-ordered stream of its own future events (a FIFO
// of timeouts, say) needs only its head in the heap, yet each of its events keeps the place in
// the total order it would have had if pushed at once.
// Pop leaves a hole at the root instead of restoring the heap at once: an event handler almost
// always schedules something, and a push into the hole is one sift-down from the root (a
// "replace-top") where pop-then-push would be a sift-down and a sift-up. A peek or pop that finds
// the hole fills it with the last entry first, as a plain pop would have.

export class EventQueue<T> {
  private times: Float64Array;
  private slotAt: Int32Array;
  /** Per slot: the payload and the sequence number of the event in it. */
  private payloads: (T | undefined)[];
  private seqOf: Float64Array;
  /** Per slot: 1 when the payload was pushed as marked (pushReserved's `marked`). */
  private markedOf: Uint8Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private usedSlots = 0;
  private count = 0;
  private nextSeq = 0;
  /** The root is empty (left by pop): `count` still counts it. */
  private hole = false;

  /** Pushing beyond this many pending events calls `onFull` instead (which must throw). */
  private readonly maxSize: number;
  private readonly onFull: () => never;
  /** min(capacity, maxSize): the one size a push has to check for. */
  private limit: number;

  constructor(initialCapacity = 1024, options: { maxSize?: number; onFull?: () => never } = {}) {
    this.maxSize = options.maxSize ?? Infinity;
    this.onFull =
      options.onFull ??
      (() => {
        throw new Error(`more than ${this.maxSize} events pending`);
      });
    const capacity = Math.max(2, initialCapacity);
    this.limit = Math.min(capacity, this.maxSize);
    this.times = new Float64Array(capacity);
    this.slotAt = new Int32Array(capacity);
    this.payloads = new Array<T | undefined>(capacity).fill(undefined);
    this.seqOf = new Float64Array(capacity);
    this.markedOf = new Uint8Array(capacity);
    this.freeSlots = new Int32Array(capacity);
  }

  /** Whether the event the last pop() returned was pushed marked. */
  poppedMarked = false;

  get size(): number {
    return this.hole ? this.count - 1 : this.count;
  }

  /** Time of the earliest pending event; Infinity when empty. */
  peekTimeUs(): number {
    if (this.hole) this.fillHole();
    return this.count === 0 ? Infinity : this.times[0];
  }

  /** Time of the earliest pending event; only when size > 0. */
  minTimeUs(): number {
    if (this.hole) this.fillHole();
    return this.times[0];
  }

  push(timeUs: number, payload: T): void {
    if (this.hole) {
      this.hole = false;
      this.siftDown(timeUs, this.takeSlot(payload, this.nextSeq++));
      return;
    }
    if (this.count === this.limit) this.full();
    const slot = this.takeSlot(payload, this.nextSeq++);
    const times = this.times;
    const slotAt = this.slotAt;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt <= timeUs) break; // on a tie the parent was pushed earlier
      times[i] = pt;
      slotAt[i] = slotAt[parent];
      i = parent;
    }
    times[i] = timeUs;
    slotAt[i] = slot;
  }

  /** Takes the sequence number the next push would get, for a later pushReserved. */
  reserve(): number {
    return this.nextSeq++;
  }

  /** Pushes with a sequence number taken earlier by reserve(); each may be used once. A marked
   *  event says so when popped (poppedMarked): Simulation marks the lanes it keeps here. */
  pushReserved(timeUs: number, seq: number, payload: T, marked = false): void {
    if (!(seq < this.nextSeq)) throw new Error(`sequence ${seq} was never reserved`);
    if (this.hole) {
      this.hole = false;
      const slot = this.takeSlot(payload, seq);
      this.markedOf[slot] = marked ? 1 : 0;
      this.siftDown(timeUs, slot);
      return;
    }
    if (this.count === this.limit) this.full();
    const slot = this.takeSlot(payload, seq);
    this.markedOf[slot] = marked ? 1 : 0;
    const { times, slotAt, seqOf } = this;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < timeUs || (pt === timeUs && seqOf[slotAt[parent]] < seq)) break;
      times[i] = pt;
      slotAt[i] = slotAt[parent];
      i = parent;
    }
    times[i] = timeUs;
    slotAt[i] = slot;
  }

  /** Removes and returns the earliest event; the caller reads its time first with peekTimeUs. */
  pop(): T {
    if (this.hole) this.fillHole();
    if (this.count === 0) throw new Error("EventQueue.pop on an empty queue");
    const top = this.slotAt[0];
    const payload = this.payloads[top] as T;
    this.poppedMarked = this.markedOf[top] === 1;
    this.payloads[top] = undefined;
    this.freeSlots[this.freeCount++] = top;
    this.hole = true;
    return payload;
  }

  /** pop() right after a peek that found an event: no hole, not empty (Simulation's hot path). */
  popPeeked(): T {
    const top = this.slotAt[0];
    const payload = this.payloads[top] as T;
    this.poppedMarked = this.markedOf[top] === 1;
    this.payloads[top] = undefined;
    this.freeSlots[this.freeCount++] = top;
    this.hole = true;
    return payload;
  }

  /** Moves the last entry into the hole at the root and sifts it down. */
  private fillHole(): void {
    this.hole = false;
    const n = --this.count;
    if (n > 0) this.siftDown(this.times[n], this.slotAt[n]);
  }

  /** Places an entry at the root (which is free) and sifts it down among the first `count`. */
  private siftDown(timeUs: number, slot: number): void {
    const { times, slotAt, seqOf } = this;
    const n = this.count;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ct = times[child];
      const right = child + 1;
      if (right < n) {
        const rt = times[right];
        if (rt < ct || (rt === ct && seqOf[slotAt[right]] < seqOf[slotAt[child]])) {
          child = right;
          ct = rt;
        }
      }
      if (timeUs < ct || (timeUs === ct && seqOf[slot] < seqOf[slotAt[child]])) break;
      times[i] = ct;
      slotAt[i] = slotAt[child];
      i = child;
    }
    times[i] = timeUs;
    slotAt[i] = slot;
  }

  private takeSlot(payload: T, seq: number): number {
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount] : this.usedSlots++;
    this.payloads[slot] = payload;
    this.seqOf[slot] = seq;
    this.markedOf[slot] = 0;
    return slot;
  }

  private full(): void {
    if (this.count >= this.maxSize) this.onFull();
    this.grow();
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    this.limit = Math.min(capacity, this.maxSize);
    const times = new Float64Array(capacity);
    const slotAt = new Int32Array(capacity);
    const seqOf = new Float64Array(capacity);
    const markedOf = new Uint8Array(capacity);
    const freeSlots = new Int32Array(capacity);
    times.set(this.times);
    slotAt.set(this.slotAt);
    seqOf.set(this.seqOf);
    markedOf.set(this.markedOf);
    freeSlots.set(this.freeSlots);
    this.times = times;
    this.slotAt = slotAt;
    this.seqOf = seqOf;
    this.markedOf = markedOf;
    this.freeSlots = freeSlots;
    for (let i = this.payloads.length; i < capacity; i++) this.payloads.push(undefined);
  }
}
