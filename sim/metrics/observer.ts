// The shape every metric observer shares: it is fed the trace one event at a time, in the
// order the world emitted it (time order), and keeps only what its metric needs — memory
// independent of run length. Times stay whole microseconds inside observers and turn into
// seconds once, when a value is read out.
import type { TraceEvent } from "../model/index.ts";

export interface TraceObserver {
  observe(event: TraceEvent): void;
}

/** Microseconds → seconds, the unit of every `_s` metric. Done once per value, so a sum of
 *  whole microseconds divides exactly once (0.3 s is 300000/1e6, the double nearest 0.3). */
export function secondsOf(us: number): number {
  return us / 1e6;
}

/** An invariant of the trace was broken: a model bug, not a user error. */
export class TraceInvariantError extends Error {
  constructor(message: string) {
    super(`trace invariant broken: ${message}`);
    this.name = "TraceInvariantError";
  }
}
