// Client reads and read-your-writes, from the trace's `read` events (one per read, at its
// outcome): attempted = every read; served = answered by a database node (fresh or stale);
// failed = refused or unanswered within the client timeout; a read-your-writes violation is a
// served read whose node had not applied the reading connection's last acknowledged write
// (outcome "stale"). Every read issued during the run resolves before run_end (the world drains
// for the longest client timeout), so attempted = served + failed.
import type { TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";

export interface ReadCounts {
  attempted: number;
  served: number;
  failed: number;
  rywViolations: number;
}

export function emptyReadCounts(): ReadCounts {
  return { attempted: 0, served: 0, failed: 0, rywViolations: 0 };
}

/** Adds one `read` event to the counts. */
export function countRead(counts: ReadCounts, event: TraceEvent & { kind: "read" }): void {
  counts.attempted++;
  if (event.outcome === "fresh" || event.outcome === "stale") counts.served++;
  else counts.failed++;
  if (event.outcome === "stale") counts.rywViolations++;
}

export class ReadsObserver implements TraceObserver {
  readonly reads = ["read"] as const;
  private readonly counts = emptyReadCounts();

  observe(event: TraceEvent): void {
    if (event.kind === "read") countRead(this.counts, event);
  }

  read(): ReadCounts {
    return { ...this.counts };
  }
}
