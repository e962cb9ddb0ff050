// `sim check` for one scenario, pure: resolve it (with `--set` overrides) so bad input is found
// before anything runs, then run it once per seed and judge its `expect` over the seeds
// (over-seeds.ts). Seeds: the ones asked for (`--seeds N` is 1..N), else the scenario's own.
// A scenario without expectations is not run at all — there is nothing to check, and some
// scenarios (benchmarks) take minutes; it is reported as such and never fails.
// Runs keep no trace events (trace "none"): bounds read the metrics, and checks see the
// "changes" events whatever the trace level (runScenario keeps those for them).
import { defaultFileName, prepareRun, runScenario } from "../run/index.ts";
import {
  applyOverrides,
  resolveScenario,
  type Expectation,
  type Limits,
} from "../scenario/index.ts";
import { judgeOverSeeds, type Verdict } from "./over-seeds.ts";

export interface CheckOptions {
  /** The scenario file as the user named it, for messages; default: the scenario's name. */
  file?: string;
  /** A count N (seeds 1..N) or a list of seeds; default: the scenario's own seed. */
  seeds?: number | readonly number[];
  /** `path=value` assignments applied before validation, as `--set` does. */
  overrides?: readonly string[];
  /** Limits for each run (scenario/limits.ts); the defaults otherwise. */
  limits?: Partial<Limits>;
}

/** A scenario checked and ready to run: everything a run needs, validated. */
export interface CheckPlan {
  file: string;
  raw: unknown;
  name: string;
  summary: string;
  expectations: readonly Expectation[];
  /** The seeds to run; empty when there are no expectations (nothing runs). */
  seeds: readonly number[];
  overrides: readonly string[];
  limits?: Partial<Limits>;
}

export interface ScenarioCheck {
  file: string;
  name: string;
  summary: string;
  /** The seeds that were run ([] for a scenario without expectations). */
  seeds: number[];
  verdicts: Verdict[];
  /** "no expectations" when the scenario has none (it passes). */
  status: "pass" | "fail" | "no expectations";
}

/** Validates a scenario for checking; throws the ScenarioError of bad input. */
export function planCheck(raw: unknown, options: CheckOptions = {}): CheckPlan {
  const file = options.file ?? defaultFileName(raw);
  const overrides = options.overrides ?? [];
  const resolved = resolveScenario(
    overrides.length > 0 ? applyOverrides(raw, overrides, file) : raw,
    { file },
  );
  // Held against the limits only when it will run (a scenario without expectations does not).
  if (resolved.expect.length > 0)
    prepareRun(raw, { file, overrides, trace: "none", limits: options.limits });
  const seeds = resolved.expect.length === 0 ? [] : seedsOf(options.seeds, resolved.world.seed);
  return {
    file,
    raw,
    name: resolved.name,
    summary: resolved.summary,
    expectations: resolved.expect,
    seeds,
    overrides,
    ...(options.limits !== undefined && { limits: options.limits }),
  };
}

/** Runs the plan's seeds in order and judges its expectations; `onRun` hears of each finished run. */
export function runCheck(plan: CheckPlan, onRun: (seed: number) => void = () => {}): ScenarioCheck {
  const base = { file: plan.file, name: plan.name, summary: plan.summary, seeds: [...plan.seeds] };
  if (plan.expectations.length === 0) return { ...base, verdicts: [], status: "no expectations" };
  const runs = plan.seeds.map((seed) => {
    const result = runScenario(plan.raw, {
      file: plan.file,
      seed,
      overrides: plan.overrides,
      trace: "none",
      ...(plan.limits !== undefined && { limits: plan.limits }),
    });
    onRun(seed);
    return { seed, outcomes: result.expectations };
  });
  const verdicts = judgeOverSeeds(plan.expectations, runs);
  return {
    ...base,
    verdicts,
    status: verdicts.every((verdict) => verdict.passed) ? "pass" : "fail",
  };
}

/** A scenario's `expect` over seeds, in one call: the library form of `sim check`. */
export function checkScenario(raw: unknown, options: CheckOptions = {}): ScenarioCheck {
  return runCheck(planCheck(raw, options));
}

function seedsOf(seeds: CheckOptions["seeds"], own: number): number[] {
  if (seeds === undefined) return [own];
  if (typeof seeds === "number") {
    if (!Number.isSafeInteger(seeds) || seeds < 1)
      throw new RangeError(
        `checkScenario: seeds must be a whole number of seeds, at least 1, got ${seeds}`,
      );
    return Array.from({ length: seeds }, (_, i) => i + 1);
  }
  if (seeds.length === 0) throw new RangeError("checkScenario: give at least one seed");
  return [...seeds];
}
