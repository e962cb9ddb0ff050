// The main events of a run, for its narrative in report.html: the trace events of the
// "changes" level (faults, suspicions, promotions, demotions, reroutes, lost-write accounting —
// everything but per-write events), kept whatever `--trace` says so the report tells the same
// story at every trace level. A run that flaps for days has too many to read: the first
// `maxKeyEvents` are kept, plus the end-of-run accounting (writes_lost, run_end, up to
// `maxClosingEvents`), which says how the story ended; the rest are counted.
import { perWriteKinds, type TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";

export const maxKeyEvents = 300;
export const maxClosingEvents = 50;

export interface KeyEvents {
  /** The first events of the run, in trace order. */
  events: TraceEvent[];
  /** Events of the "changes" level left out (they fall between `events` and `closing`). */
  omitted: number;
  /** The end-of-run accounting, in trace order. */
  closing: TraceEvent[];
}

export class KeyEventsObserver implements TraceObserver {
  readonly reads = "changes";
  private readonly kept: TraceEvent[] = [];
  private readonly closing: TraceEvent[] = [];
  private omitted = 0;

  observe(event: TraceEvent): void {
    if (perWriteKinds.has(event.kind)) return;
    const closing = event.kind === "writes_lost" || event.kind === "run_end";
    const list = closing ? this.closing : this.kept;
    if (list.length < (closing ? maxClosingEvents : maxKeyEvents)) list.push(event);
    else this.omitted++;
  }

  keyEvents(): KeyEvents {
    return { events: [...this.kept], omitted: this.omitted, closing: [...this.closing] };
  }
}
