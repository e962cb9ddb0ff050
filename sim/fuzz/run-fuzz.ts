// `sim fuzz` without the terminal: run after run, draw a fault schedule from the named stream
// "fuzz:run:<index>" of the fuzz seed (its first draw is the run's simulation seed), run it on
// the scenario's cluster and policy, judge it; at the first violation, shrink it and stop. Pure
// but for the runs themselves (which are pure too): the same plan gives the same result in any
// process — the same runs, the same first failure, the same shrunk schedule.
import { Rng } from "../engine/index.ts";
import type { WorldConfig } from "../model/index.ts";
import { resolveScenario } from "../scenario/index.ts";
import { drawSchedule } from "./draw-schedule.ts";
import type { Episode } from "./episode.ts";
import { faultSpace, type FaultSpace } from "./fault-space.ts";
import { FuzzError } from "./fuzz-error.ts";
import { fuzzDefaults } from "./fuzz-defaults.ts";
import type { InvariantName } from "./invariant-names.ts";
import { invariants } from "./invariants.ts";
import { settlePeriodUs } from "./settle-period.ts";
import { shrink } from "./shrink.ts";
import { runTrial, withoutFaults, type TrialOutcome, type TrialSetup } from "./trial.ts";

export interface FuzzPlan {
  /** The scenario as loaded from its file. */
  raw: object;
  file: string;
  invariant: InvariantName;
  runs: number;
  /** The fuzz seed. */
  seed: number;
  /** Episodes per run: uniform from 1 to this. */
  maxEpisodes: number;
  /** Replaces the computed settle period (settle-period.ts). */
  settleUs?: number;
}

export interface FuzzHooks {
  /** After each fuzz run, with the number done. */
  onRun?: (done: number) => void;
  /** After each shrinking run, with the runs made and the fault entries of the schedule held. */
  onShrink?: (runs: number, faults: readonly Episode[]) => void;
}

export interface FuzzFailure {
  /** 1-based index of the failing run. */
  run: number;
  /** Its simulation seed (the reproducer's `seed`). */
  seed: number;
  drawn: Episode[];
  drawnOutcome: TrialOutcome;
  shrunk: Episode[];
  shrunkOutcome: TrialOutcome;
  shrinkRuns: number;
  /** Shrinking hit its run limit before its fixed point. */
  exhausted: boolean;
}

export interface FuzzResult {
  /** The scenario's name and summary. */
  scenario: string;
  summary: string;
  runsDone: number;
  settleUs: number;
  space: FaultSpace;
  failure: FuzzFailure | null;
}

/** Largest simulation seed drawn: seeds are whole numbers in [0, 2^31). */
const seedRange = 2 ** 31;

export function runFuzz(plan: FuzzPlan, hooks: FuzzHooks = {}): FuzzResult {
  const { file, invariant } = plan;
  const base = withoutFaults(plan.raw);
  const resolved = resolveScenario(base, { file });
  checkApplies(plan, resolved.world);
  const settleUs = plan.settleUs ?? settlePeriodUs(resolved.world);
  const space = faultSpace(resolved.world, settleUs, file);
  const setup: TrialSetup = { base, file, invariant, settleUs, durationUs: space.durationUs };
  const common = { scenario: resolved.name, summary: resolved.summary, settleUs, space };

  for (let index = 0; index < plan.runs; index++) {
    const rng = new Rng(plan.seed, `fuzz:run:${index}`);
    const seed = rng.int(seedRange);
    const drawn = drawSchedule(rng, space, plan.maxEpisodes);
    const drawnOutcome = runTrial(setup, drawn, seed);
    hooks.onRun?.(index + 1);
    if (!drawnOutcome.verdict.violated) continue;
    const shrunk = shrink(
      drawn,
      drawnOutcome,
      (candidate) => failing(runTrial(setup, candidate, seed)),
      {
        space,
        needsRepairs: invariants[invariant].needsRepairs,
        maxRuns: fuzzDefaults.maxShrinkRuns,
        onRun: hooks.onShrink,
      },
    );
    const failure: FuzzFailure = {
      run: index + 1,
      seed,
      drawn,
      drawnOutcome,
      shrunk: shrunk.schedule,
      shrunkOutcome: shrunk.failure,
      shrinkRuns: shrunk.runs,
      exhausted: shrunk.exhausted,
    };
    return { ...common, runsDone: index + 1, failure };
  }
  return { ...common, runsDone: plan.runs, failure: null };
}

function failing(outcome: TrialOutcome): TrialOutcome | null {
  return outcome.verdict.violated ? outcome : null;
}

/** An invariant that cannot be judged on this scenario is bad input, said before any run. */
function checkApplies(plan: FuzzPlan, world: WorldConfig): void {
  if (
    plan.invariant === "recovers-after-faults" &&
    !world.clients.some((client) => client.writesPerSecond > 0)
  ) {
    throw new FuzzError(
      `${plan.file}: the invariant recovers-after-faults watches client writes, but the scenario has no clients writing (clients: { writes: "100/s" }).`,
    );
  }
  const expect = (plan.raw as { expect?: unknown }).expect;
  if (
    plan.invariant === "expect" &&
    (expect === undefined ||
      (typeof expect === "object" && expect !== null && Object.keys(expect).length === 0))
  ) {
    throw new FuzzError(
      `${plan.file}: the invariant expect checks the scenario's expectations, but it has none (expect: { lostWrites: 0 }).`,
    );
  }
}
