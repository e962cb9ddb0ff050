// A metric of the summary row (summary.csv's columns): one module per metric in columns/, each
// a Metric — its column, its exact definition (the text docs/metrics.md shows; a test holds the
// two together), the sentence report.html shows beside its value, how it is written, and how it
// is computed from the trace. `measure` is called once per run, before the first event: it
// feeds its own observers through `observe`, or reads the observers several metrics share
// (shared-observers.ts), and returns how to read the value once the run is over.
import type { WorldConfig } from "../model/index.ts";
import type { MetricColumn } from "../scenario/metric-names.ts";
import type { MetricFormat } from "./format.ts";
import type { TraceObserver } from "./observer.ts";
import type { SharedObservers } from "./shared-observers.ts";

export interface MetricContext {
  readonly config: WorldConfig;
  /** The observers several metrics read, fed before any metric's own. */
  readonly shared: SharedObservers;
  /** Feeds `observer` the trace events it reads, from the first on; returns it. Per-write
   *  kinds are for the shared observers only (their hot path): asking for one throws. */
  observe<O extends TraceObserver>(observer: O): O;
}

export interface Metric<C extends MetricColumn = MetricColumn> {
  readonly column: C;
  /** The exact definition, as the Metrics table of docs/metrics.md shows it (Markdown). */
  readonly definition: string;
  /** One sentence for report.html's summary table: the definition, shortened. */
  readonly explanation: string;
  readonly format: MetricFormat;
  /** Sets up what the metric reads of the trace; the function returned gives its value after
   *  run_end (null: not applicable in this run). */
  measure(context: MetricContext): () => number | null;
}

/** A metric module's one export; the identity, for the column's literal type. */
export function defineMetric<C extends MetricColumn>(metric: Metric<C>): Metric<C> {
  return metric;
}
