// Replication lag over time, per node, for the lag chart: the worst `replicated.lagUs` seen in
// each time bucket (the same samples as max_lag_s). Lag is only sampled when a node applies
// entries, so a bucket without applies has no value (null) rather than a made-up zero — a
// standby cut off from its primary shows a gap, then the lag it built up when it applies again.
// Memory: one value per bucket per node that ever applied — independent of run length.
import type { TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";
import type { TimeBuckets } from "./time-buckets.ts";

export interface LagSeries {
  node: string;
  /** Worst lag applied in each bucket, µs; null when the node applied nothing in it. */
  worstLagUs: (number | null)[];
}

/** Marks a bucket without samples; lags are never negative. */
const noSample = -1;

export class LagSeriesObserver implements TraceObserver {
  readonly reads = ["replicated"] as const;
  private readonly nodes = new Map<string, Float64Array>();

  constructor(private readonly buckets: TimeBuckets) {}

  observe(event: TraceEvent): void {
    if (event.kind === "replicated") this.sample(event.tUs, event.node, event.lagUs);
  }

  /** A replicated event, from its values (series.ts). */
  sample(tUs: number, node: string, lagUs: number): void {
    let worst = this.nodes.get(node);
    if (!worst) {
      worst = new Float64Array(this.buckets.count).fill(noSample);
      this.nodes.set(node, worst);
    }
    const index = this.buckets.indexOf(tUs);
    if (lagUs > worst[index]) worst[index] = lagUs;
  }

  /** Nodes in order of their first apply. */
  series(): LagSeries[] {
    return [...this.nodes].map(([node, worst]) => ({
      node,
      worstLagUs: Array.from(worst, (lagUs) => (lagUs === noSample ? null : lagUs)),
    }));
  }
}
