// Read outcomes over time, per client group, for the reads chart: in each time bucket, how many
// reads issued then were answered up to date ("fresh"), answered without the connection's last
// acknowledged write ("stale": read-your-writes violations), refused, or timed out. Bucketed by
// issue time, like writes (write-series.ts). Memory: one count per bucket per outcome per group
// that reads — independent of run length.
import type { ReadOutcome, TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";
import type { TimeBuckets } from "./time-buckets.ts";

/** Every outcome, in chart order (so a legend is the same whether or not each occurs). */
export const readOutcomes: readonly ReadOutcome[] = ["fresh", "stale", "rejected", "timeout"];

export interface ReadSeries {
  client: string;
  /** Per outcome (readOutcomes order), reads per bucket by issue time. */
  outcomes: { outcome: ReadOutcome; counts: number[] }[];
}

export class ReadSeriesObserver implements TraceObserver {
  readonly reads = ["read"] as const;
  private readonly clients = new Map<string, Float64Array[]>();

  constructor(private readonly buckets: TimeBuckets) {}

  observe(event: TraceEvent): void {
    if (event.kind !== "read") return;
    let counts = this.clients.get(event.client);
    if (counts === undefined) {
      counts = readOutcomes.map(() => new Float64Array(this.buckets.count));
      this.clients.set(event.client, counts);
    }
    counts[readOutcomes.indexOf(event.outcome)][this.buckets.indexOf(event.issuedUs)]++;
  }

  /** Groups in order of their first read outcome. */
  series(): ReadSeries[] {
    return [...this.clients].map(([client, counts]) => ({
      client,
      outcomes: readOutcomes.map((outcome, i) => ({ outcome, counts: Array.from(counts[i]) })),
    }));
  }
}
