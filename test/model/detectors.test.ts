// The failure detectors alone, handed times by hand.
import { describe, expect, it } from "vitest";
import {
  ConsecutiveDetector,
  PhiAccrualDetector,
  phiOf,
  TimeoutDetector,
} from "../../sim/model/detectors/index.ts";

const S = 1_000_000;

describe("TimeoutDetector", () => {
  it("suspects once the silence reaches the timeout, and says when", () => {
    const detector = new TimeoutDetector(3 * S, 0);
    detector.reply(1, 0, 1 * S);
    expect(detector.suspicionAtUs()).toBe(4 * S);
    expect(detector.suspects(4 * S - 1)).toBe(false);
    expect(detector.suspects(4 * S)).toBe(true);
  });
});

describe("ConsecutiveDetector", () => {
  it("suspects after k failed probes in a row and trusts after the success threshold", () => {
    const detector = new ConsecutiveDetector(1 * S, 3, 2);
    // Probe `seq` is sent at seq seconds; an answer comes 10 ms later, before its 1 s deadline.
    const probe = (seq: number, answered: boolean) => {
      detector.probeSent(seq, seq * S);
      if (answered) detector.reply(seq, seq * S, seq * S + 10_000);
      detector.probeExpired(seq, (seq + 1) * S);
    };
    probe(1, false);
    probe(2, false);
    probe(3, true); // resets the count
    probe(4, false);
    probe(5, false);
    expect(detector.suspects(6 * S)).toBe(false);
    probe(6, false);
    expect(detector.suspects(7 * S)).toBe(true);
    probe(7, true);
    expect(detector.suspects(8 * S)).toBe(true); // one success of the two needed
    probe(8, true);
    expect(detector.suspects(9 * S)).toBe(false);
  });

  it("does not count a reply that comes at or after its probe's deadline", () => {
    const detector = new ConsecutiveDetector(1 * S, 1, 1);
    detector.probeSent(1, 0);
    detector.reply(1, 0, 1 * S);
    expect(detector.suspects(1 * S)).toBe(true);
  });

  it("counts a probe failed from its deadline on, before its deadline event is handled", () => {
    // Three probes in flight fall due in the same microsecond: asked then, the verdict already
    // counts all three, however many of their deadline events the monitor has handled.
    const detector = new ConsecutiveDetector(1 * S, 3, 1);
    for (const seq of [1, 2, 3]) detector.probeSent(seq, 0);
    expect(detector.suspects(1 * S - 1)).toBe(false);
    detector.probeExpired(1, 1 * S);
    expect(detector.suspects(1 * S)).toBe(true);
  });
});

describe("PhiAccrualDetector", () => {
  // Deterministic heartbeats every second; a window of 10 samples, so Akka's two seed samples
  // (0.75 s and 1.25 s) have left it after 10 beats: mean 1 s, σ 0 → sd = minStdDev.
  const settings = {
    threshold: 8,
    minStdDevUs: 100_000,
    acceptablePauseUs: 3 * S,
    maxSamples: 10,
    firstEstimateUs: 1 * S,
  };
  const detector = new PhiAccrualDetector(settings, 0);
  for (let beat = 1; beat <= 20; beat++) detector.reply(beat, 0, beat * S);

  /** Δ where φ(Δ) = threshold, found by bisection on Akka's φ formula — independent of the detector's closed form. */
  function silenceAtThreshold(threshold: number, meanUs: number, sdUs: number): number {
    let low = meanUs;
    let high = meanUs + 100 * sdUs;
    for (let i = 0; i < 200; i++) {
      const mid = (low + high) / 2;
      if (phiOf(mid, meanUs, sdUs) < threshold) low = mid;
      else high = mid;
    }
    return high;
  }

  it("suspects at the closed-form silence for the threshold and min std-dev", () => {
    // mean = 1 s + 3 s acceptable pause; sd = 100 ms. Δ* ≈ 4.52 s after the last heartbeat.
    const expectedUs = silenceAtThreshold(8, 4 * S, 100_000);
    expect(expectedUs).toBeGreaterThan(4.5 * S);
    expect(expectedUs).toBeLessThan(4.55 * S);
    const lastUs = 20 * S;
    expect(Math.abs(detector.suspicionAtUs() - lastUs - expectedUs)).toBeLessThan(1);
    expect(detector.suspects(lastUs + expectedUs - 1_000)).toBe(false);
    expect(detector.suspects(lastUs + expectedUs + 1_000)).toBe(true);
    expect(detector.phi(expectedUs)).toBeCloseTo(8, 6);
  });

  it("is less patient with a lower threshold", () => {
    expect(silenceAtThreshold(1, 4 * S, 100_000)).toBeLessThan(
      silenceAtThreshold(8, 4 * S, 100_000),
    );
  });
});
