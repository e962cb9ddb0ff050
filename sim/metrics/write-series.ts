// Write outcomes over time, per client group, for the write-availability chart: in each time
// bucket, how many writes issued then were acknowledged and how many failed, by failure reason.
// Writes are bucketed by *issue* time (write_acked/write_failed carry issuedUs), the same clock
// as downtime_s, so a failure shows where the client met the outage, not a timeout later.
// Memory: one count per bucket per outcome per client group — independent of run length.
import type { TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";
import type { TimeBuckets } from "./time-buckets.ts";

/** Failure reasons always listed (so a chart's legend is the same whether or not they occur);
 *  reasons the model adds later join after these, in order of first appearance. */
const knownFailureReasons = ["rejected", "timeout"];

export interface WriteSeries {
  client: string;
  /** Writes acknowledged, per bucket, by issue time. */
  acked: number[];
  /** Writes failed, per failure reason (known ones first), per bucket, by issue time. */
  failed: { reason: string; counts: number[] }[];
}

export class WriteSeriesObserver implements TraceObserver {
  readonly reads = ["write_acked", "write_failed"] as const;
  private readonly clients = new Map<
    string,
    { acked: Float64Array; failed: Map<string, Float64Array> }
  >();

  constructor(
    private readonly buckets: TimeBuckets,
    clientNames: readonly string[],
  ) {
    for (const name of clientNames) this.client(name);
  }

  observe(event: TraceEvent): void {
    if (event.kind === "write_acked") {
      this.acked(event.client, event.issuedUs);
    } else if (event.kind === "write_failed") {
      this.reason(this.client(event.client).failed, event.reason)[
        this.buckets.indexOf(event.issuedUs)
      ]++;
    }
  }

  /** A write_acked, from its values (series.ts). */
  acked(client: string, issuedUs: number): void {
    this.client(client).acked[this.buckets.indexOf(issuedUs)]++;
  }

  series(): WriteSeries[] {
    return [...this.clients].map(([client, counts]) => ({
      client,
      acked: Array.from(counts.acked),
      failed: [...counts.failed].map(([reason, perBucket]) => ({
        reason,
        counts: Array.from(perBucket),
      })),
    }));
  }

  private client(name: string) {
    let counts = this.clients.get(name);
    if (!counts) {
      counts = { acked: new Float64Array(this.buckets.count), failed: new Map() };
      for (const reason of knownFailureReasons) this.reason(counts.failed, reason);
      this.clients.set(name, counts);
    }
    return counts;
  }

  private reason(failed: Map<string, Float64Array>, reason: string): Float64Array {
    let perBucket = failed.get(reason);
    if (!perBucket) {
      perBucket = new Float64Array(this.buckets.count);
      failed.set(reason, perBucket);
    }
    return perBucket;
  }
}
