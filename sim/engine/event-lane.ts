// An event lane: a stream of events whose times never decrease (timeouts, each a fixed delay
// after its cause), kept in a FIFO ring instead of the queue. Only the lane's earliest event sits
// in the queue; when it is popped the next takes its place with the sequence number it was given
// when scheduled, so the run's event order is exactly that of plain scheduling — and a thousand
// pending timeouts cost one heap entry, not a thousand (Simulation.atInLane). A lane may be given
// a liveness test: an event that became moot before its time (a timeout whose request was
// answered) is dropped at the head undispatched — the test must be one the dispatch would have
// made itself, with no other effect, so dropping it changes only the count of events processed.
// A lane may also be told of each event it drops (`onDrop`), e.g. to reuse its object.

export class EventLane<E> {
  private timesUs = new Float64Array(64);
  private seqs = new Float64Array(64);
  private events: (E | undefined)[] = new Array<E | undefined>(64).fill(undefined);
  private head = 0;
  /** Events in the lane (not to be set from outside). */
  size = 0;
  /** Time of the latest event appended: an event may join only at or after it. */
  lastTimeUs = -Infinity;

  /** `isLive(event)` false: the event would do nothing if dispatched now, and never will again;
   *  `onDrop(event)`: called once for each event dropped so, after which the lane forgets it. */
  constructor(
    readonly isLive?: (event: E) => boolean,
    readonly onDrop?: (event: E) => void,
  ) {}

  headTimeUs(): number {
    return this.timesUs[this.head];
  }

  headSeq(): number {
    return this.seqs[this.head];
  }

  append(timeUs: number, seq: number, event: E): void {
    if (this.size === this.events.length) this.grow();
    const tail = (this.head + this.size) & (this.events.length - 1);
    this.timesUs[tail] = timeUs;
    this.seqs[tail] = seq;
    this.events[tail] = event;
    this.size++;
    this.lastTimeUs = timeUs;
  }

  headEvent(): E {
    return this.events[this.head] as E;
  }

  shift(): E {
    const head = this.head;
    const event = this.events[head] as E;
    this.events[head] = undefined;
    this.head = (head + 1) & (this.events.length - 1);
    this.size--;
    return event;
  }

  private grow(): void {
    const capacity = this.events.length * 2;
    const timesUs = new Float64Array(capacity);
    const seqs = new Float64Array(capacity);
    const events = new Array<E | undefined>(capacity).fill(undefined);
    for (let i = 0; i < this.size; i++) {
      const from = (this.head + i) & (this.events.length - 1);
      timesUs[i] = this.timesUs[from];
      seqs[i] = this.seqs[from];
      events[i] = this.events[from];
    }
    this.timesUs = timesUs;
    this.seqs = seqs;
    this.events = events;
    this.head = 0;
  }
}
