// One fuzz run: the base scenario (its cluster and policy, without its own faults and chaos) with
// a drawn schedule as its `faults`, run under a given simulation seed and judged by an invariant.
// The scenario goes through the same validation as any scenario file, so what runs here is exactly
// what a reproducer file describes.
import type { MetricValues } from "../scenario/index.ts";
import { runScenario } from "../run/index.ts";
import { scheduleEntries, type Episode } from "./episode.ts";
import type { InvariantName } from "./invariant-names.ts";
import { invariants, type Verdict } from "./invariants.ts";

export interface TrialSetup {
  /** The scenario as loaded, without `faults` and `chaos`. */
  base: Record<string, unknown>;
  /** The scenario file as the user named it (error messages). */
  file: string;
  invariant: InvariantName;
  settleUs: number;
  durationUs: number;
}

export interface TrialOutcome {
  verdict: Verdict;
  metrics: MetricValues;
  fingerprint: string;
}

/** The scenario's fields other than its faults and chaos, which the fuzzer replaces. */
export function withoutFaults(raw: object): Record<string, unknown> {
  const { faults: _faults, chaos: _chaos, ...rest } = raw as Record<string, unknown>;
  return rest;
}

export function runTrial(
  setup: TrialSetup,
  schedule: readonly Episode[],
  seed: number,
): TrialOutcome {
  const judge = invariants[setup.invariant].judge({
    schedule,
    settleUs: setup.settleUs,
    durationUs: setup.durationUs,
  });
  const scenario = { ...setup.base, faults: scheduleEntries(schedule) };
  const observe = judge.observe?.bind(judge);
  const result = runScenario(scenario, {
    file: setup.file,
    seed,
    trace: "none",
    ...(observe && { onTrace: observe }),
  });
  return {
    verdict: judge.verdict(result),
    metrics: result.metrics,
    fingerprint: result.fingerprint,
  };
}
