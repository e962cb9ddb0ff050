// Process pauses — a GC or VM freeze (the `pause` fault): a paused process handles nothing, and
// the events meant for it (ownerOf: its deliveries, its timers) wait, in their order, until it
// resumes. A second pause that ends later extends the first. Memory: the held events only.
import type { WorldEvent } from "./messages.ts";

export class Pauses {
  private readonly untilUs: Float64Array;
  private readonly held: WorldEvent[][];

  /** The end of the latest pause: no process is paused from then on. */
  private latestUntilUs = 0;

  constructor(processes: number) {
    this.untilUs = new Float64Array(processes);
    this.held = Array.from({ length: processes }, () => []);
  }

  isPaused(process: number, nowUs: number): boolean {
    return this.untilUs[process] > nowUs;
  }

  /** Pauses a process for durationUs from now (or longer, if already paused longer); returns the end. */
  pause(process: number, nowUs: number, durationUs: number): number {
    const untilUs = Math.max(this.untilUs[process], nowUs + durationUs);
    this.untilUs[process] = untilUs;
    this.latestUntilUs = Math.max(this.latestUntilUs, untilUs);
    return untilUs;
  }

  /** Keeps the event if the process it is for is paused now; true when it was kept. */
  hold(event: WorldEvent, nowUs: number): boolean {
    // Checked first: this runs for every event, and most runs pause nothing most of the time.
    if (!(this.latestUntilUs > nowUs)) return false;
    const owner = ownerOf(event);
    if (owner < 0 || !(this.untilUs[owner] > nowUs)) return false;
    this.held[owner].push(event);
    return true;
  }

  /** At a pause's end: the events that waited, in order — or null when a longer pause still holds. */
  release(process: number, nowUs: number): WorldEvent[] | null {
    if (this.untilUs[process] > nowUs) return null;
    const held = this.held[process];
    this.held[process] = [];
    return held;
  }
}

/** The process an event is for (it waits while that process is paused); -1 for none. */
function ownerOf(event: WorldEvent): number {
  switch (event.kind) {
    case "deliver":
      return event.target;
    case "heartbeat":
    case "probe-deadline":
    case "verdict-check":
      return event.monitor;
    case "status-tick":
    case "renew-tick":
    case "lease-check":
    case "slow-write":
    case "served":
    case "promotion-step":
    case "rejoin-step":
    case "ship":
    case "ack-timeout":
    case "isr-check":
      return event.node;
    default:
      return -1;
  }
}
