// A timeout failure detector: a node is suspected once nothing has been heard from it for
// `timeoutUs`. Sans-io: it is handed `nowUs` and never reads a clock, so it is testable alone.
// Evaluated by its monitor at each heartbeat tick, so a suspicion is raised at the first tick
// at or after lastHeard + timeout.

export class TimeoutDetector {
  private lastHeardUs: number;

  constructor(
    private readonly timeoutUs: number,
    startUs: number,
  ) {
    this.lastHeardUs = startUs;
  }

  /** A reply (heartbeat answer) arrived. */
  observe(nowUs: number): void {
    if (nowUs > this.lastHeardUs) this.lastHeardUs = nowUs;
  }

  suspects(nowUs: number): boolean {
    return nowUs - this.lastHeardUs >= this.timeoutUs;
  }

  /** Forget the past, as a restarted monitor does: silence is measured from now. */
  reset(nowUs: number): void {
    this.lastHeardUs = nowUs;
  }
}
