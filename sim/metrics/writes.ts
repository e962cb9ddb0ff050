// Client write counts: attempted (write_issued), acknowledged (write_acked), failed
// (write_failed: timeouts and rejections), and of those, the ones a circuit breaker's fallback
// answered (reason "fallback"). Availability is acked / attempted, null with no writes.
// Every write issued during the run resolves before run_end (the world drains in-flight writes
// for the longest client timeout), so attempted = acked + failed in a well-formed trace.
import type { TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";

export interface WriteCounts {
  attempted: number;
  acked: number;
  failed: number;
  /** Failed writes a circuit breaker's fallback answered (a subset of failed). */
  fallback: number;
  /** acked / attempted; null when no write was attempted. */
  availability: number | null;
}

export class WritesObserver implements TraceObserver {
  readonly reads = ["write_issued", "write_acked", "write_failed"] as const;
  private attempted = 0;
  private acked = 0;
  private failed = 0;
  private fallback = 0;

  observe(event: TraceEvent): void {
    if (event.kind === "write_issued") this.issued();
    else if (event.kind === "write_acked") this.ackedOne();
    else if (event.kind === "write_failed") {
      this.failed++;
      if (event.reason === "fallback") this.fallback++;
    }
  }

  /** A write_issued, from its values (a WriteTrace call: shared-observers.ts). */
  issued(): void {
    this.attempted++;
  }

  /** A write_acked, from its values. */
  ackedOne(): void {
    this.acked++;
  }

  counts(): WriteCounts {
    return {
      attempted: this.attempted,
      acked: this.acked,
      failed: this.failed,
      fallback: this.fallback,
      availability: this.attempted === 0 ? null : this.acked / this.attempted,
    };
  }
}
