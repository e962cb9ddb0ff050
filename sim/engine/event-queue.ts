// The pending-event set: a binary min-heap over typed arrays, totally ordered by (time, insertion
// sequence): events at the same microsecond pop in the order they were scheduled, so a run never
// depends on how the heap breaks ties. For speed (test/bench/hold.ts measures it against a bare
// heap) the heap moves only times and slot numbers; an event's payload, sequence and mark stay in
// its slot (reused last-freed-first, so warm in cache), and a sequence is read only on equal
// times. A sequence can be taken ahead (reserve) and the event pushed later with it: a lane of
// future events (a FIFO of timeouts) keeps only its head in the heap, yet each of its events keeps
// the place in the total order it would have had if pushed at once. Pop leaves a hole at the root:
// a handler almost always schedules something, and a push into the hole is one sift-down (a
// "replace-top") into the popped event's own slot, not a sift-down and a sift-up; a peek or pop
// that finds the hole closes it first. The sift-down picks the earlier child without a branch
// on unequal times (they rarely tie): the branch would be mispredicted half the time.

/** Slots a queue may hold: each one's code (slot × 2 + mark) fits in an Int32Array. */
const maxSlots = 2 ** 30;

export class EventQueue<T> {
  private times: Float64Array;
  /** Per heap position: the code of the event there (slot × 2, plus 1 when marked). */
  private codeAt: Int32Array;
  /** Per slot: the payload and the sequence number of the event in it. */
  private payloads: (T | undefined)[];
  private seqOf: Float64Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private usedSlots = 0;
  private count = 0;
  private nextSeq = 0;
  /** The root is empty (left by pop): `count` still counts it. */
  private hole = false;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(2, initialCapacity);
    this.times = new Float64Array(capacity);
    this.codeAt = new Int32Array(capacity);
    this.payloads = new Array<T | undefined>(capacity).fill(undefined);
    this.seqOf = new Float64Array(capacity);
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

  push(timeUs: number, payload: T): void {
    this.insert(timeUs, this.nextSeq++, payload, false);
  }

  /** Takes the sequence number the next push would get, for a later pushReserved. */
  reserve(): number {
    return this.nextSeq++;
  }

  /** Pushes with a sequence number taken earlier by reserve(); each may be used once. A marked
   *  event says so when popped (poppedMarked): Simulation marks the lanes it keeps here. */
  pushReserved(timeUs: number, seq: number, payload: T, marked = false): void {
    if (!(seq < this.nextSeq)) throw new Error(`sequence ${seq} was never reserved`);
    this.insert(timeUs, seq, payload, marked);
  }

  /** Removes and returns the earliest event; the caller reads its time first with peekTimeUs. */
  pop(): T {
    if (this.hole) this.fillHole();
    if (this.count === 0) throw new Error("EventQueue.pop on an empty queue");
    const code = this.codeAt[0];
    this.poppedMarked = (code & 1) === 1;
    this.hole = true;
    return this.payloads[code >> 1] as T;
  }

  /** Into the hole at the root if there is one (one sift-down), else at the bottom (sift up). */
  private insert(timeUs: number, seq: number, payload: T, marked: boolean): void {
    if (this.hole) {
      this.hole = false;
      this.times[0] = timeUs;
      this.siftDown(this.fillSlot(this.codeAt[0] >> 1, payload, seq, marked));
      return;
    }
    if (this.count === this.times.length) this.grow();
    const code = this.takeSlot(payload, seq, marked);
    const { times, codeAt, seqOf } = this;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < timeUs || (pt === timeUs && seqOf[codeAt[parent] >> 1] < seq)) break;
      times[i] = pt;
      codeAt[i] = codeAt[parent];
      i = parent;
    }
    times[i] = timeUs;
    codeAt[i] = code;
  }

  /** Moves the last entry into the hole at the root and sifts it down. */
  private fillHole(): void {
    this.hole = false;
    const top = this.codeAt[0] >> 1;
    this.payloads[top] = undefined;
    this.freeSlots[this.freeCount++] = top;
    const n = --this.count;
    if (n > 0) {
      this.times[0] = this.times[n];
      this.siftDown(this.codeAt[n]);
    }
  }

  /** Places an entry (its code) at the root (free but for its time, already in times[0]) and sifts
   *  it down among the first `count`. (The time comes through the array, not as an argument: a
   *  time past 2³¹ µs, 36 simulated minutes, is not a small integer to V8, and passing one to a
   *  function not inlined allocates it on the heap, once for every event.) */
  private siftDown(code: number): void {
    const { times, codeAt, seqOf } = this;
    const n = this.count;
    const timeUs = times[0];
    const seq = seqOf[code >> 1];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right >= n) {
        if (child < n) {
          const ct = times[child];
          if (ct < timeUs || (ct === timeUs && seqOf[codeAt[child] >> 1] < seq)) {
            times[i] = ct;
            codeAt[i] = codeAt[child];
            i = child;
          }
        }
        break;
      }
      const lt = times[child];
      const rt = times[right];
      if (rt === lt) {
        if (seqOf[codeAt[right] >> 1] < seqOf[codeAt[child] >> 1]) child = right;
      } else child += +(rt < lt);
      const ct = times[child];
      if (timeUs < ct || (timeUs === ct && seq < seqOf[codeAt[child] >> 1])) break;
      times[i] = ct;
      codeAt[i] = codeAt[child];
      i = child;
    }
    times[i] = timeUs;
    codeAt[i] = code;
  }

  /** A free slot filled; returns its code. */
  private takeSlot(payload: T, seq: number, marked: boolean): number {
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount] : this.usedSlots++;
    return this.fillSlot(slot, payload, seq, marked);
  }

  /** Fills a slot; returns the code the heap keeps for it. */
  private fillSlot(slot: number, payload: T, seq: number, marked: boolean): number {
    this.payloads[slot] = payload;
    this.seqOf[slot] = seq;
    return slot * 2 + (marked ? 1 : 0);
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    // A code (slot × 2 + mark) must fit in an Int32Array: 2³⁰ slots, far above any run limit.
    if (capacity > maxSlots) throw new Error(`more than ${maxSlots} events pending`);
    this.times = grown(this.times, new Float64Array(capacity));
    this.codeAt = grown(this.codeAt, new Int32Array(capacity));
    this.seqOf = grown(this.seqOf, new Float64Array(capacity));
    this.freeSlots = grown(this.freeSlots, new Int32Array(capacity));
    for (let i = this.payloads.length; i < capacity; i++) this.payloads.push(undefined);
  }
}

/** `to`, a larger array of the same kind, with `from` copied to its start. */
function grown<A extends Float64Array | Int32Array>(from: A, to: A): A {
  to.set(from);
  return to;
}
