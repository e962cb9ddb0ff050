// A consecutive-failures detector, the common health-check rule ("check every 5 s, 3 failures":
// Kubernetes probes, HAProxy fall/rise, pg_auto_failover): a probe without a reply within
// `probeTimeoutUs` has failed; `failures` failed probes in a row make the node suspected, and
// `successes` answered probes in a row make it trusted again. A reply counts only if it arrives
// before its probe's deadline. Its verdict is a function of time like any detector's: a probe
// whose deadline has passed counts as failed from that instant, when suspects() is asked, whether
// or not its deadline event has been handled yet (several probes sent together fall due together).
// After a crash at a uniformly random time, suspicion comes ((failures − 1)·interval,
// failures·interval] after it, plus the probe timeout.
import type { FailureDetector } from "./detector.ts";

export class ConsecutiveDetector implements FailureDetector {
  private failed = 0;
  private succeeded = 0;
  private suspected = false;
  /** Probes sent and not yet answered or expired, by sequence number: when each falls due. */
  private readonly open = new Map<number, number>();

  constructor(
    readonly probeTimeoutUs: number,
    private readonly failures: number,
    private readonly successes: number,
  ) {}

  probeSent(seq: number, nowUs: number): void {
    this.open.set(seq, nowUs + this.probeTimeoutUs);
  }

  reply(seq: number, _sentUs: number, nowUs: number): void {
    this.expireDue(nowUs);
    if (!this.open.delete(seq)) return; // late: the probe has already failed
    this.failed = 0;
    this.succeeded++;
    if (this.suspected && this.succeeded >= this.successes) this.suspected = false;
  }

  /** Only probes count: a health check is passed or failed, whatever else the node says. */
  lifeSign(_nowUs?: number): void {}

  probeExpired(_seq: number, nowUs: number): void {
    this.expireDue(nowUs);
  }

  suspects(nowUs: number): boolean {
    this.expireDue(nowUs);
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

  /** Every open probe whose deadline has come fails, in the order the probes were sent. */
  private expireDue(nowUs: number): void {
    for (const [seq, dueUs] of this.open) {
      if (dueUs > nowUs) continue;
      this.open.delete(seq);
      this.succeeded = 0;
      this.failed++;
      if (this.failed >= this.failures) this.suspected = true;
    }
  }
}
