// The pending-event set: a binary min-heap over typed arrays, totally ordered by
// (time, insertion sequence). Two events at the same microsecond pop in the order they were
// scheduled, so a run never depends on how the heap happens to break ties.
// Payloads live in a slot table beside the heap; the heap itself moves only numbers.

export class EventQueue<T> {
  private timesUs: Float64Array;
  private seqs: Float64Array;
  private slotOf: Int32Array;
  private payloads: (T | undefined)[] = [];
  private freeSlots: number[] = [];
  private count = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    this.timesUs = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.slotOf = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest pending event; Infinity when empty. */
  peekTimeUs(): number {
    return this.count === 0 ? Infinity : this.timesUs[0];
  }

  push(timeUs: number, payload: T): void {
    if (this.count === this.timesUs.length) this.grow();
    const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.payloads.length;
    this.payloads[slot] = payload;
    this.siftUp(this.count++, timeUs, this.nextSeq++, slot);
  }

  /** Removes and returns the earliest event; the caller reads its time first with peekTimeUs. */
  pop(): T {
    if (this.count === 0) throw new Error("EventQueue.pop on an empty queue");
    const slot = this.slotOf[0];
    const payload = this.payloads[slot] as T;
    this.payloads[slot] = undefined;
    this.freeSlots.push(slot);
    const last = --this.count;
    if (last > 0) this.siftDown(0, this.timesUs[last], this.seqs[last], this.slotOf[last]);
    return payload;
  }

  private siftUp(index: number, timeUs: number, seq: number, slot: number): void {
    const { timesUs, seqs, slotOf } = this;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = timesUs[parent];
      if (pt < timeUs || (pt === timeUs && seqs[parent] < seq)) break;
      timesUs[i] = pt;
      seqs[i] = seqs[parent];
      slotOf[i] = slotOf[parent];
      i = parent;
    }
    timesUs[i] = timeUs;
    seqs[i] = seq;
    slotOf[i] = slot;
  }

  private siftDown(index: number, timeUs: number, seq: number, slot: number): void {
    const { timesUs, seqs, slotOf } = this;
    const n = this.count;
    let i = index;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (
        right < n &&
        (timesUs[right] < timesUs[child] || (timesUs[right] === timesUs[child] && seqs[right] < seqs[child]))
      ) {
        child = right;
      }
      const ct = timesUs[child];
      if (timeUs < ct || (timeUs === ct && seq < seqs[child])) break;
      timesUs[i] = ct;
      seqs[i] = seqs[child];
      slotOf[i] = slotOf[child];
      i = child;
    }
    timesUs[i] = timeUs;
    seqs[i] = seq;
    slotOf[i] = slot;
  }

  private grow(): void {
    const capacity = this.timesUs.length * 2;
    const times = new Float64Array(capacity);
    const seqs = new Float64Array(capacity);
    const slots = new Int32Array(capacity);
    times.set(this.timesUs);
    seqs.set(this.seqs);
    slots.set(this.slotOf);
    this.timesUs = times;
    this.seqs = seqs;
    this.slotOf = slots;
  }
}
