// The fuzzer's own defaults, in one place, each with its unit and the reason for the number.
// (Scenario defaults live in sim/scenario/defaults.ts and the kinds' modules in sim/model; these
// shape the search, not the world.)
// All are choices of this project, not published figures.
import { parseDuration } from "../scenario/index.ts";

export const fuzzDefaults = {
  /** Runs of `sim fuzz` without --runs: about three seconds for a two-minute scenario. */
  runs: 100,
  /** Fuzz seed without --seed. */
  seed: 1,
  /** Fault episodes drawn per run: uniform from 1 to this (--max-faults). Four already mixes a
   *  crash, a partition and a pause with room to overlap; more rarely finds more. */
  maxEpisodes: 4,
  /** No fault before this: every detector has heard about ten probes at the 1 s default
   *  interval, and a φ-accrual detector has samples. */
  warmUpUs: parseDuration("10s"),
  /** After the settle period, writes are watched at least this long (recovers-after-faults). */
  observeUs: parseDuration("10s"),
  /** The fault window must be at least this long, or the scenario is too short to fuzz. */
  minWindowUs: parseDuration("10s"),
  /** Drawn episodes last from 1 s … */
  minEpisodeUs: parseDuration("1s"),
  /** … to a minute (or half the fault window, if shorter): longer is only more of the same. */
  maxEpisodeUs: parseDuration("60s"),
  /** Shrinking never shortens an episode below this: a shorter fault is not a clearer story. */
  minShrunkEpisodeUs: parseDuration("100ms"),
  /** Shrinking stops after this many runs (it normally reaches its fixed point far sooner). */
  maxShrinkRuns: 1000,
  /** The settle period's margin on top of detection, fencing, promotion and client retries. */
  settleMarginUs: parseDuration("10s"),
} as const;
