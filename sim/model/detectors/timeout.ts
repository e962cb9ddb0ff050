// A timeout failure detector: a node is suspected once nothing has been heard from it for
// `timeoutUs` (Redis Sentinel's down-after-milliseconds). Any reply counts, however late.
import type { FailureDetector } from "./detector.ts";

export class TimeoutDetector implements FailureDetector {
  readonly probeTimeoutUs = 0;
  private lastHeardUs: number;

  constructor(
    private readonly timeoutUs: number,
    startUs: number,
  ) {
    this.lastHeardUs = startUs;
  }

  probeSent(): void {}

  reply(_seq: number, _sentUs: number, nowUs: number): void {
    if (nowUs > this.lastHeardUs) this.lastHeardUs = nowUs;
  }

  lifeSign(nowUs: number): void {
    if (nowUs > this.lastHeardUs) this.lastHeardUs = nowUs;
  }

  probeExpired(): void {}

  suspects(nowUs: number): boolean {
    return nowUs - this.lastHeardUs >= this.timeoutUs;
  }

  suspicionAtUs(): number {
    return this.lastHeardUs + this.timeoutUs;
  }

  reset(nowUs: number): void {
    this.lastHeardUs = nowUs;
  }
}
