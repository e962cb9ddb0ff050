// The load each pool server carried, for the servers chart: requests it handled per time bucket
// (by the time it handled them), from the trace's request_served events. It shows a failed
// server's share moving to the others, a cascade, and sticky users that stay where they were
// moved. Memory: one count per bucket per server — independent of run length.
import type { TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";
import type { TimeBuckets } from "./time-buckets.ts";

export interface ServerLoadSeries {
  node: string;
  /** Requests handled in each bucket. */
  served: number[];
}

export class ServerLoadSeriesObserver implements TraceObserver {
  readonly reads = ["request_served"] as const;
  private readonly nodes = new Map<string, Float64Array>();

  /** `servers`: every pool server, so one that never serves still has a (flat) line. */
  constructor(
    private readonly buckets: TimeBuckets,
    servers: readonly string[],
  ) {
    for (const server of servers) this.nodes.set(server, new Float64Array(buckets.count));
  }

  observe(event: TraceEvent): void {
    if (event.kind !== "request_served") return;
    let served = this.nodes.get(event.node);
    if (served === undefined) {
      served = new Float64Array(this.buckets.count);
      this.nodes.set(event.node, served);
    }
    served[this.buckets.indexOf(event.tUs)]++;
  }

  /** Servers in configuration order. */
  series(): ServerLoadSeries[] {
    return [...this.nodes].map(([node, served]) => ({ node, served: Array.from(served) }));
  }
}
