// The simulation loop: an integer-microsecond clock over an EventQueue, with limits.
// It knows nothing of what events mean: the caller hands it a dispatch function.
// Time never goes backwards; scheduling in the past is a bug and throws.
import { EventQueue } from "./event-queue.ts";

export interface RunLimits {
  /** Stop (with an error) after this many events. */
  maxEvents: number;
  /** Stop (with an error) if the queue holds more than this many pending events. */
  maxPending: number;
}

export const defaultRunLimits: RunLimits = {
  maxEvents: 200_000_000,
  maxPending: 5_000_000,
};

export class SimulationLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SimulationLimitError";
  }
}

export class Simulation<E> {
  private readonly queue = new EventQueue<E>();
  private clockUs = 0;
  private processed = 0;

  constructor(private readonly limits: RunLimits = defaultRunLimits) {}

  get nowUs(): number {
    return this.clockUs;
  }

  get eventsProcessed(): number {
    return this.processed;
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Schedules an event at an absolute time (≥ now). */
  at(timeUs: number, event: E): void {
    if (!(timeUs >= this.clockUs) || !Number.isInteger(timeUs)) {
      throw new Error(`cannot schedule at ${timeUs} µs: now is ${this.clockUs} µs and times are whole microseconds`);
    }
    this.queue.push(timeUs, event);
    if (this.queue.size > this.limits.maxPending) {
      throw new SimulationLimitError(
        `more than ${this.limits.maxPending} events pending at t=${this.clockUs / 1e6} s; raise limits.maxPending or reduce rates`,
      );
    }
  }

  /** Schedules an event after a delay (≥ 0 µs, rounded to whole microseconds). */
  after(delayUs: number, event: E): void {
    this.at(this.clockUs + Math.max(0, Math.round(delayUs)), event);
  }

  /**
   * Runs events in (time, sequence) order until the queue is empty or the next event lies
   * beyond untilUs. The clock ends at untilUs.
   */
  runUntil(untilUs: number, dispatch: (event: E, nowUs: number) => void): void {
    const queue = this.queue;
    while (queue.size > 0 && queue.peekTimeUs() <= untilUs) {
      this.clockUs = queue.peekTimeUs();
      const event = queue.pop();
      if (++this.processed > this.limits.maxEvents) {
        throw new SimulationLimitError(
          `stopped after ${this.limits.maxEvents} events at t=${this.clockUs / 1e6} s; raise limits.maxEvents or shorten the run`,
        );
      }
      dispatch(event, this.clockUs);
    }
    if (untilUs > this.clockUs) this.clockUs = untilUs;
  }
}
