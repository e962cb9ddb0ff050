// The φ-accrual failure detector (Hayashibara et al., SRDS 2004) as Akka / Pekko implement it:
// inter-arrival times of replies are kept in a window of `maxSamples`; with mean μ and standard
// deviation σ of that window, the suspicion level after a silence Δ is
//   φ(Δ) = −log10(1 − F(Δ)),  F the normal CDF with mean μ + acceptablePause, sd max(σ, minStdDev),
// using Akka's logistic approximation of F: with y = (Δ − mean) / sd and
// e = exp(−y (1.5976 + 0.070566 y²)), φ = −log10(e / (1 + e)) for Δ > mean.
// The node is suspected once φ ≥ threshold; solving φ(Δ*) = threshold is a cubic in y, solved here
// in closed form (Cardano), so suspicion begins exactly Δ* after the last reply.
// Before any interval is known, the window holds interval ± interval/4, as Akka seeds it; the
// first reply only starts the clock of intervals (Akka records no interval for the first
// heartbeat), while silence is measured from when watching began.
// A sign of life other than a heartbeat reply (a promotion notice) restarts the silence but adds
// no sample: the window holds inter-arrival times of heartbeats only.
import type { FailureDetector } from "./detector.ts";

export interface PhiSettings {
  threshold: number;
  minStdDevUs: number;
  acceptablePauseUs: number;
  maxSamples: number;
  /** The heartbeat interval, used to seed the window. */
  firstEstimateUs: number;
}

export class PhiAccrualDetector implements FailureDetector {
  readonly probeTimeoutUs = 0;
  private readonly samples: number[] = [];
  private sum = 0;
  private sumOfSquares = 0;
  /** The last heartbeat reply: intervals are measured from it (null: none yet). */
  private lastArrivalUs: number | null = null;
  /** The last reply or other sign of life: silence is measured from it. */
  private lastHeardUs = 0;
  /** Silence after which φ reaches the threshold, for the current window. */
  private silenceLimitUs = Infinity;

  constructor(
    private readonly settings: PhiSettings,
    startUs: number,
  ) {
    this.lastHeardUs = startUs;
    this.seed();
  }

  probeSent(): void {}

  reply(_seq: number, _sentUs: number, nowUs: number): void {
    if (this.lastArrivalUs !== null && nowUs <= this.lastArrivalUs) return;
    if (this.lastArrivalUs !== null) this.add(nowUs - this.lastArrivalUs);
    this.lastArrivalUs = nowUs;
    if (nowUs > this.lastHeardUs) this.lastHeardUs = nowUs;
  }

  lifeSign(nowUs: number): void {
    if (nowUs > this.lastHeardUs) this.lastHeardUs = nowUs;
  }

  probeExpired(): void {}

  suspects(nowUs: number): boolean {
    // The same expression as suspicionAtUs, so the two never disagree by a rounding error.
    return nowUs >= this.suspicionAtUs();
  }

  suspicionAtUs(): number {
    return this.lastHeardUs + this.silenceLimitUs;
  }

  verdictChangesAtUs(nowUs: number): number {
    return this.suspects(nowUs) ? Infinity : this.suspicionAtUs();
  }

  reset(nowUs: number): void {
    this.samples.length = 0;
    this.sum = 0;
    this.sumOfSquares = 0;
    this.lastArrivalUs = null;
    this.lastHeardUs = nowUs;
    this.seed();
  }

  /** φ after a silence of `silenceUs` (for reports and tests). */
  phi(silenceUs: number): number {
    const { mean, sd } = this.distribution();
    return phiOf(silenceUs, mean, sd);
  }

  private seed(): void {
    const estimate = this.settings.firstEstimateUs;
    this.add(estimate - estimate / 4);
    this.add(estimate + estimate / 4);
  }

  private add(intervalUs: number): void {
    this.samples.push(intervalUs);
    this.sum += intervalUs;
    this.sumOfSquares += intervalUs * intervalUs;
    if (this.samples.length > this.settings.maxSamples) {
      const dropped = this.samples.shift()!;
      this.sum -= dropped;
      this.sumOfSquares -= dropped * dropped;
    }
    const { mean, sd } = this.distribution();
    this.silenceLimitUs = mean + silenceYForThreshold(this.settings.threshold) * sd;
  }

  private distribution(): { mean: number; sd: number } {
    const n = this.samples.length;
    const mean = this.sum / n;
    const variance = Math.max(0, this.sumOfSquares / n - mean * mean);
    return {
      mean: mean + this.settings.acceptablePauseUs,
      sd: Math.max(Math.sqrt(variance), this.settings.minStdDevUs),
    };
  }
}

/** Akka's φ for a silence, a mean and a standard deviation (all in the same unit). */
export function phiOf(silence: number, mean: number, sd: number): number {
  const y = (silence - mean) / sd;
  const e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
  return silence > mean ? -Math.log10(e / (1 + e)) : -Math.log10(1 - 1 / (1 + e));
}

/**
 * The y at which φ = threshold: from e / (1 + e) = 10^−threshold, y (1.5976 + 0.070566 y²) =
 * ln((1 − 10^−threshold) / 10^−threshold), a depressed cubic y³ + p y + q = 0 with p > 0, whose
 * one real root is Cardano's.
 */
export function silenceYForThreshold(threshold: number): number {
  const tail = 10 ** -threshold;
  const target = Math.log((1 - tail) / tail);
  const p = 1.5976 / 0.070566;
  const q = -target / 0.070566;
  const root = Math.sqrt((q * q) / 4 + (p * p * p) / 27);
  return Math.cbrt(-q / 2 + root) + Math.cbrt(-q / 2 - root);
}
