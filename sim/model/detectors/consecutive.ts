// A consecutive-failures detector, the common health-check rule ("check every 5 s, 3 failures":
// Kubernetes probes, HAProxy fall/rise, pg_auto_failover): a probe without a reply within
// `probeTimeoutUs` has failed; `failures` failed probes in a row make the node suspected, and
// `successes` answered probes in a row make it trusted again. A reply after its probe's deadline
// does not count. After a crash at a uniformly random time, suspicion comes
// ((failures − 1)·interval, failures·interval] after it, plus the probe timeout.
import type { FailureDetector } from "./detector.ts";

export class ConsecutiveDetector implements FailureDetector {
  private failed = 0;
  private succeeded = 0;
  private suspected = false;
  /** Probes sent and not yet answered or expired. */
  private readonly open = new Set<number>();

  constructor(
    readonly probeTimeoutUs: number,
    private readonly failures: number,
    private readonly successes: number,
  ) {}

  probeSent(seq: number, _nowUs?: number): void {
    this.open.add(seq);
  }

  reply(seq: number, _sentUs?: number, _nowUs?: number): void {
    if (!this.open.delete(seq)) return; // late: the probe has already failed
    this.failed = 0;
    this.succeeded++;
    if (this.suspected && this.succeeded >= this.successes) this.suspected = false;
  }

  /** Only probes count: a health check is passed or failed, whatever else the node says. */
  lifeSign(_nowUs?: number): void {}

  probeExpired(seq: number, _nowUs?: number): void {
    if (!this.open.delete(seq)) return; // answered in time
    this.succeeded = 0;
    this.failed++;
    if (this.failed >= this.failures) this.suspected = true;
  }

  suspects(_nowUs?: number): boolean {
    return this.suspected;
  }

  suspicionAtUs(): number {
    return Infinity;
  }

  reset(_nowUs?: number): void {
    this.failed = 0;
    this.succeeded = 0;
    this.suspected = false;
    this.open.clear();
  }
}
