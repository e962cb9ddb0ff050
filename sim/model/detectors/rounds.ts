// The spacing of a monitor's rounds (probes, verdicts to its peers, the primary re-announced):
// every `interval` of its detector, or — with `intervalJitter` j — a spacing drawn uniformly from
// [interval·(1 − j), interval·(1 + j)] for each round, so the mean stays the interval. Monitors
// that randomise their timers do not fire in lockstep (Redis Sentinel changes its timer
// frequency at random on every tick, redis/redis src/sentinel.c sentinelTimer, "to desynchronize
// every Sentinel from every other"; HAProxy spreads its checks with a random offset). The draw
// comes from the monitor's own stream `rounds:<monitor>`, seeded by the run's seed; with j = 0
// (the default) nothing is drawn. The first round is at t = 0 for every monitor.
import * as z from "zod";
import type { Rng } from "../../engine/index.ts";

/** Resolved: the fraction of the interval a round's spacing varies by (0 ≤ j < 1). */
export interface RoundTiming {
  readonly intervalJitter: number;
}

export interface RoundTimingSpec {
  /** The monitors' rounds are spaced interval ± this fraction of it, drawn uniformly per round
   *  from each monitor's own seeded stream (0 ≤ j < 1). Default 0: exactly every interval. */
  intervalJitter?: number;
}

const fractionBelowOne = "a fraction of the interval from 0 up to (not including) 1";

export const intervalJitterSchema = z
  .number({ error: fractionBelowOne })
  .min(0, { error: fractionBelowOne })
  .lt(1, { error: fractionBelowOne });

/** Our assumption, so that recorded runs stay as they were: rounds exactly every interval. */
export const intervalJitterDefault = 0;

/** The time to the next round, in whole µs (never below 1). */
export function roundSpacingUs(intervalUs: number, intervalJitter: number, rng: Rng): number {
  if (intervalJitter === 0) return intervalUs;
  return Math.max(1, Math.round(intervalUs * (1 + rng.uniform(-intervalJitter, intervalJitter))));
}

/** The longest a round's spacing can be. */
export function widestRoundUs(intervalUs: number, intervalJitter: number): number {
  return Math.ceil(intervalUs * (1 + intervalJitter));
}
