// The shape every metric observer shares: it is fed the trace one event at a time, in the
// order the world emitted it (time order), and keeps only what its metric needs — memory
// independent of run length. Times stay whole microseconds inside observers and turn into
// seconds once, when a value is read out. Each observer says which kinds of event it reads
// (`reads`), and is fed those and no others: through a TraceRouter (trace-router.ts), or — for
// the per-write events that make up most of a trace — by the one switch that hands each such
// event to the few observers that read it (shared-observers.ts, series.ts).
import type { TraceEvent, TraceKind } from "../model/index.ts";

/** The kinds of trace event an observer reads: a list, or "changes" — every kind but the
 *  per-write ones (perWriteKinds), whatever kinds the model adds. */
export type ReadKinds = readonly TraceKind[] | "changes";

export interface TraceObserver {
  readonly reads: ReadKinds;
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
