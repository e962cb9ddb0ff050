// Lost and divergent writes over time, for the data-loss chart: when writes were accepted by a
// deposed primary (divergent, per bucket per node, from write_accepted) and which stretches of
// acknowledged writes the final history lacks (writes_lost: node, count, first and last
// acceptance time). A lost stretch is known only as a span and a count — the trace does not say
// how the loss was spread inside it.
// Memory: one count per bucket per node that accepted divergent writes, plus at most
// `maxLostStretches` stretches (the rest are counted, not kept).
import type { TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";
import type { TimeBuckets } from "./time-buckets.ts";

export const maxLostStretches = 200;

export interface DivergentSeries {
  node: string;
  /** Divergent writes accepted per bucket, by acceptance time. */
  counts: number[];
}

export interface LostStretch {
  node: string;
  count: number;
  firstUs: number;
  lastUs: number;
}

export interface DataLossSeries {
  divergent: DivergentSeries[];
  lost: LostStretch[];
  /** Lost stretches beyond the limit, not kept. */
  lostStretchesOmitted: number;
}

export class DataLossSeriesObserver implements TraceObserver {
  readonly reads = ["write_accepted", "writes_lost"] as const;
  private readonly divergent = new Map<string, Float64Array>();
  private readonly lost: LostStretch[] = [];
  private omitted = 0;

  constructor(private readonly buckets: TimeBuckets) {}

  observe(event: TraceEvent): void {
    if (event.kind === "write_accepted" && event.divergent) {
      this.divergentWrite(event.tUs, event.node);
    } else if (event.kind === "writes_lost" && event.count > 0) {
      if (this.lost.length < maxLostStretches) {
        this.lost.push({
          node: event.node,
          count: event.count,
          firstUs: event.firstUs,
          lastUs: event.lastUs,
        });
      } else {
        this.omitted++;
      }
    }
  }

  /** A divergent write_accepted, from its values (series.ts). */
  divergentWrite(tUs: number, node: string): void {
    let counts = this.divergent.get(node);
    if (!counts) {
      counts = new Float64Array(this.buckets.count);
      this.divergent.set(node, counts);
    }
    counts[this.buckets.indexOf(tUs)]++;
  }

  series(): DataLossSeries {
    return {
      divergent: [...this.divergent].map(([node, counts]) => ({
        node,
        counts: Array.from(counts),
      })),
      lost: this.lost.map((stretch) => ({ ...stretch })),
      lostStretchesOmitted: this.omitted,
    };
  }
}
