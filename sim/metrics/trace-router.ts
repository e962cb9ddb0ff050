// Feeds each trace event to the observers that read its kind (observer.ts), in the order they
// were added — the order matters where one observer hands results to another within an event.
// The list for a kind is worked out the first time the kind appears and kept, so routing an
// event costs one map lookup, not a test per observer. It carries the events of the "changes"
// level; the per-write events, far more numerous, are switched by hand to their observers
// (shared-observers.ts, series.ts), where each call site sees one kind of observer.
import { perWriteKinds, type TraceEvent, type TraceKind } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";

export class TraceRouter {
  private readonly observers: TraceObserver[] = [];
  private readonly byKind = new Map<TraceKind, TraceObserver[]>();

  /** Adds an observer, fed from the next event on; returns it. */
  add<O extends TraceObserver>(observer: O): O {
    this.observers.push(observer);
    this.byKind.clear();
    return observer;
  }

  observe(event: TraceEvent): void {
    const observers = this.byKind.get(event.kind) ?? this.route(event.kind);
    for (let i = 0; i < observers.length; i++) observers[i].observe(event);
  }

  private route(kind: TraceKind): TraceObserver[] {
    const observers = this.observers.filter(({ reads }) =>
      reads === "changes" ? !perWriteKinds.has(kind) : reads.includes(kind),
    );
    this.byKind.set(kind, observers);
    return observers;
  }
}
