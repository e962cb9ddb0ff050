// Random values of the scenario language, for the fuzzer's draws (each kind draws its own
// settings with these): a duration as text in whole milliseconds, a whole number, a probability
// to two decimals. Every value comes from the `rng` handed in, so the same stream draws the same.
import type { Rng } from "../engine/index.ts";
import type { Duration } from "./duration.ts";
import { durationText } from "./duration-text.ts";

const msUs = 1000;

/** A duration uniform in [lowUs, highUs], in whole milliseconds, as text. */
export function drawDuration(rng: Rng, lowUs: number, highUs: number): Duration {
  return durationText(Math.round(rng.uniform(lowUs, highUs) / msUs) * msUs);
}

/** A whole number uniform in [low, high]. */
export function drawInt(rng: Rng, low: number, high: number): number {
  return low + rng.int(high - low + 1);
}

/** A probability in [low, high] to two decimals. */
export function drawProbability(rng: Rng, low: number, high: number): number {
  return Math.round(rng.uniform(low * 100, high * 100)) / 100;
}
