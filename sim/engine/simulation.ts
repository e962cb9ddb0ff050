// The simulation loop: an integer-microsecond clock over an EventQueue, with limits.
// It knows nothing of what events mean: the caller takes them one at a time with next().
// Time is whole microseconds, and this is the one boundary where that is made so: every time
// scheduled (at, atInLane, after) is rounded UP to a whole microsecond (wholeUs), so a detector,
// a distribution or a fault may compute a fractional instant and the event happens at the first
// whole microsecond not before it — never earlier than asked. Time never goes backwards;
// scheduling in the past (or at NaN) is a bug and throws.
import { EventLane } from "./event-lane.ts";
import { EventQueue } from "./event-queue.ts";

export interface RunLimits {
  /** Stop (with an error) after this many events. */
  maxEvents: number;
  /** Stop (with an error) when more than this many events are pending (lanes included). */
  maxPending: number;
}

/** Limits that stop a runaway run within about 30–45 s: 10⁸ events at the 2.3–3.1 M events/s
 *  the benchmark measures on a 2-core machine (every shipped scenario but the benchmark's busy
 *  day, about 300 M events, stays below). Pending events cost about 130 bytes each. */
export const defaultRunLimits: RunLimits = { maxEvents: 100_000_000, maxPending: 5_000_000 };

/** The one rounding rule of simulated time: an instant becomes the first whole microsecond not
 *  before it. Whole numbers pass unchanged; NaN stays NaN (and is refused by the caller). */
export function wholeUs(timeUs: number): number {
  return Math.ceil(timeUs);
}

/** A limit was reached: `limit` says which, `value` its value. */
export class SimulationLimitError extends Error {
  override readonly name = "SimulationLimitError";
  constructor(
    message: string,
    readonly limit: keyof RunLimits,
    readonly value: number,
  ) {
    super(message);
  }
}

export class Simulation<E> {
  /** Pending events, and for each non-empty lane its earliest event (as the lane itself). */
  private readonly queue = new EventQueue<E | EventLane<E>>();
  private readonly maxEvents: number;
  private readonly maxPending: number;
  private clockUs = 0;
  private processed = 0;
  /** Events waiting in lanes behind each lane's earliest (which the queue holds). */
  private laneBacklog = 0;

  constructor({ maxEvents, maxPending }: RunLimits = defaultRunLimits) {
    [this.maxEvents, this.maxPending] = [maxEvents, maxPending];
  }

  get nowUs(): number {
    return this.clockUs;
  }

  get eventsProcessed(): number {
    return this.processed;
  }

  get pending(): number {
    return this.queue.size + this.laneBacklog;
  }

  /** Schedules an event at an absolute time (≥ now), rounded up to a whole microsecond. */
  at(atUs: number, event: E): void {
    const timeUs = this.checkedTime(atUs);
    if (this.queue.size + this.laneBacklog >= this.maxPending) this.limitReached("maxPending");
    this.queue.push(timeUs, event);
  }

  /** A new lane (event-lane.ts); with `isLive`, moot events are dropped undispatched (and each
   *  handed to `onDrop`). */
  lane(isLive?: (event: E) => boolean, onDrop?: (event: E) => void): EventLane<E> {
    return new EventLane<E>(isLive, onDrop);
  }

  /** Like at(), through a lane: only the lane's earliest event occupies the queue (an event
   *  earlier than the lane's latest goes to the queue directly). */
  atInLane(lane: EventLane<E>, atUs: number, event: E): void {
    const timeUs = this.checkedTime(atUs);
    if (this.queue.size + this.laneBacklog >= this.maxPending) this.limitReached("maxPending");
    if (timeUs < lane.lastTimeUs) {
      this.queue.push(timeUs, event);
      return;
    }
    const seq = this.queue.reserve();
    if (lane.size === 0) this.queue.pushReserved(timeUs, seq, lane, true);
    else this.laneBacklog++;
    lane.append(timeUs, seq, event);
  }

  /** Schedules an event after a delay (a negative one counts as 0), rounded up like at(). */
  after(delayUs: number, event: E): void {
    this.at(this.clockUs + Math.max(0, delayUs), event);
  }

  /** The next event at or before untilUs, the clock moved to its time; undefined when there is
   *  none (the clock then moves to untilUs). Events must not be undefined themselves. */
  next(untilUs: number): E | undefined {
    const queue = this.queue;
    for (;;) {
      const timeUs = queue.peekTimeUs(); // Infinity when empty
      if (!(timeUs <= untilUs) || timeUs === Infinity) {
        if (untilUs > this.clockUs && untilUs !== Infinity) this.clockUs = untilUs;
        return undefined;
      }
      this.clockUs = timeUs;
      const popped = queue.pop();
      const event = queue.poppedMarked ? this.shiftLane(popped as EventLane<E>) : (popped as E);
      if (event === undefined) continue; // a moot lane event
      if (++this.processed > this.maxEvents) this.limitReached("maxEvents");
      return event;
    }
  }

  /** A lane's earliest event, popped (undefined when moot): the lane's next live one takes its
   *  place in the queue, and moot ones before it are dropped on the way. */
  private shiftLane(lane: EventLane<E>): E | undefined {
    const event = lane.shift();
    const { isLive, onDrop } = lane;
    if (isLive !== undefined) {
      while (lane.size > 0 && !isLive(lane.headEvent())) {
        const dropped = lane.shift();
        this.laneBacklog--;
        onDrop?.(dropped);
      }
    }
    if (lane.size > 0) {
      this.laneBacklog--;
      this.queue.pushReserved(lane.headTimeUs(), lane.headSeq(), lane, true);
    }
    if (isLive === undefined || isLive(event)) return event;
    onDrop?.(event);
    return undefined;
  }

  /** The time rounded up to a whole microsecond (wholeUs); an error if it lies in the past. */
  private checkedTime(atUs: number): number {
    const timeUs = wholeUs(atUs);
    if (timeUs >= this.clockUs) return timeUs;
    const what = `cannot schedule at ${atUs} µs: now is ${this.clockUs} µs`;
    throw new Error(`${what} and an event cannot happen in the past`);
  }

  private limitReached(limit: keyof RunLimits): never {
    const events = limit === "maxEvents";
    const value = events ? this.maxEvents : this.maxPending;
    const what = events ? `stopped after ${value} events` : `more than ${value} events pending`;
    const advice = events ? "shorten the run" : "reduce rates";
    const message = `${what} at t=${this.clockUs / 1e6} s; raise limits.${limit} or ${advice}`;
    throw new SimulationLimitError(message, limit, value);
  }
}
