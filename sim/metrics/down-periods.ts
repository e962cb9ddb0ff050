// Down periods: maximal runs of consecutive failed writes in issue order. A period runs from
// the first failed write's issue time to the issue time of the next acknowledged write, or to
// the run duration if no write was acknowledged after it (then it is "censored": the outage
// outlived the run). The periods tile exactly the intervals that downtime.ts counts.
import type { SettledWrite } from "./issue-order.ts";

export interface DownPeriod {
  startUs: number;
  endUs: number;
  /** True when the period was still open at the run duration. */
  censored: boolean;
}

export class DownPeriods {
  private openSinceUs: number | null = null;
  private finished = false;

  constructor(
    private readonly durationUs: number,
    private readonly onPeriod: (period: DownPeriod) => void,
  ) {}

  /** Fed every settled write, in issue order. */
  settle(write: SettledWrite): void {
    if (!write.acked) {
      if (this.openSinceUs === null) this.openSinceUs = write.issuedUs;
    } else if (this.openSinceUs !== null) {
      this.onPeriod({ startUs: this.openSinceUs, endUs: write.issuedUs, censored: false });
      this.openSinceUs = null;
    }
  }

  /** Closes a period still open at the end of the run at the run duration. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.openSinceUs === null) return;
    this.onPeriod({
      startUs: this.openSinceUs,
      endUs: Math.max(this.openSinceUs, this.durationUs),
      censored: true,
    });
    this.openSinceUs = null;
  }
}
