// The summary row: every metric of the registry (columns/index.ts), computed online by feeding
// the trace to the observers the metrics share and to each metric's own, each event only to
// those that read its kind; and the per-group rows of groups.csv. Per-write events go to the
// shared observers only (their hot path, shared-observers.ts): a metric's own observer reads
// other kinds. The trace is self-contained — `run_end` closes every open accounting (writes
// still buffered, a down period still open) — so values are read after it.
import { perWriteKinds, type TraceEvent, type WorldConfig } from "../model/index.ts";
import type { MetricValues } from "../scenario/metric-names.ts";
import { metrics } from "./columns/index.ts";
import type { GroupRow } from "./groups.ts";
import type { MetricContext } from "./metric.ts";
import type { TraceObserver } from "./observer.ts";
import { SharedObservers } from "./shared-observers.ts";
import { TraceRouter } from "./trace-router.ts";

export class SummaryObserver {
  private readonly router = new TraceRouter();
  private readonly shared: SharedObservers;
  /** Per metric, in column order: how to read its value after run_end. */
  private readonly readers: (() => number | null)[];
  private ended = false;

  constructor(config: WorldConfig) {
    const router = this.router;
    const shared = (this.shared = new SharedObservers(config, router));
    const context: MetricContext = {
      config,
      shared,
      observe: (observer) => router.add(ownObserver(observer)),
    };
    this.readers = metrics.map((metric) => metric.measure(context));
  }

  /** Feeds one event; returns whether it was a per-write one (perWriteKinds), which a caller
   *  may need to know too (one switch on the kind instead of two). */
  observe(event: TraceEvent): boolean {
    if (this.ended) throw new Error(`trace event ${event.kind} after run_end`);
    if (this.shared.observePerWrite(event)) return true;
    this.router.observe(event);
    if (event.kind === "run_end") this.ended = true;
    return false;
  }

  // The per-write events of WriteTrace (trace.ts), from their values: only the shared
  // observers read them (as observe does with their events).

  writeIssued(tUs: number, client: string, id: number): void {
    this.open();
    this.shared.writeIssued(tUs, client, id);
  }

  writeAccepted(divergent: boolean): void {
    this.open();
    if (divergent) this.shared.divergentWrite();
  }

  writeAcked(tUs: number, client: string, id: number, issuedUs: number): void {
    this.open();
    this.shared.writeAcked(tUs, client, id, issuedUs);
  }

  replicated(lagUs: number): void {
    this.open();
    this.shared.replicated(lagUs);
  }

  private open(): void {
    if (this.ended) throw new Error("a per-write event after run_end");
  }

  /** The summary row's metric values, in column order; only after run_end. */
  values(): MetricValues {
    if (!this.ended) throw new Error("metrics read before run_end");
    const values: Partial<MetricValues> = {};
    metrics.forEach((metric, i) => (values[metric.column] = this.readers[i]()));
    return values as MetricValues;
  }

  /** One row per client group (groups.csv); only after run_end. */
  groupRows(): GroupRow[] {
    if (!this.ended) throw new Error("group rows read before run_end");
    return this.shared.groupRows();
  }
}

/** A metric's own observer, which may not read per-write events (a programming error). */
function ownObserver<O extends TraceObserver>(observer: O): O {
  const { reads } = observer;
  if (reads !== "changes" && reads.some((kind) => perWriteKinds.has(kind))) {
    throw new Error(
      `a metric's own observer reads per-write events (${reads.join(", ")}): shared-observers.ts reads those`,
    );
  }
  return observer;
}

/** Metrics of a whole trace at once — for tests and for traces read back from elsewhere. */
export function summarize(config: WorldConfig, trace: Iterable<TraceEvent>): MetricValues {
  const observer = new SummaryObserver(config);
  for (const event of trace) observer.observe(event);
  return observer.values();
}
