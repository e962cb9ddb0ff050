// Detection time: for each incident, the time from its fault to the first `suspect` event (any
// monitor, any node) — or `lb_down` (a load balancer's health checks taking a pool server out of
// rotation) — that follows the fault in the trace and precedes the next disruptive fault.
// detection_s is the largest such time over incidents that were detected; null if none was
// (no incident, or no monitor ever suspected anything during one). A suspicion already standing
// when the fault hits is not a new detection: only a verdict change counts.
import type { TraceEvent } from "../model/index.ts";
import { incidentStartUs } from "./incidents.ts";
import { secondsOf, type TraceObserver } from "./observer.ts";

export class DetectionObserver implements TraceObserver {
  /** Start of the current incident while it awaits its first suspicion. */
  private undetectedSinceUs: number | null = null;
  private worstUs: number | null = null;

  observe(event: TraceEvent): void {
    const startUs = incidentStartUs(event);
    if (startUs !== null) {
      this.undetectedSinceUs = startUs;
    } else if ((event.kind === "suspect" || event.kind === "lb_down") && this.undetectedSinceUs !== null) {
      const detectionUs = event.tUs - this.undetectedSinceUs;
      this.worstUs = this.worstUs === null ? detectionUs : Math.max(this.worstUs, detectionUs);
      this.undetectedSinceUs = null;
    }
  }

  /** Worst detection time in seconds, or null when no incident was detected. */
  seconds(): number | null {
    return this.worstUs === null ? null : secondsOf(this.worstUs);
  }
}
