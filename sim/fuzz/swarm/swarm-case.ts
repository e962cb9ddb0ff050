// One swarm case: a drawn configuration, a fault schedule and a simulation seed, run and judged.
// The scenario goes through the same validation as any scenario file, so what runs is exactly
// what a reproducer says. Judged, in this order: the run ends without an internal error; its
// metrics are consistent with its trace (consistency.ts); and every promise the configuration
// makes holds (promises.ts). A configuration the scenario layer refuses is "invalid": never a
// violation of the model (the drawn ones are checked for it; the shrinker's candidates may be).
import { runScenario, type RunResult } from "../../run/index.ts";
import type { MetricValues } from "../../scenario/index.ts";
import { ScenarioError, resolveScenario } from "../../scenario/index.ts";
import { scheduleEntries, type Episode } from "../episode.ts";
import type { Judge } from "../invariants.ts";
import { settlePeriodUs } from "../settle-period.ts";
import { consistencyJudge } from "./consistency.ts";
import type { ScenarioData } from "./draw-configuration.ts";
import { promiseNames, promises, type PromiseName } from "./promises.ts";

export interface SwarmCase {
  /** The configuration with its name, summary and duration; `faults` come from the schedule. */
  scenario: ScenarioData;
  schedule: readonly Episode[];
  seed: number;
}

/** What can break in a run: an internal error, inconsistent metrics, or a promise. */
export type Breach = "internal-error" | "consistency" | PromiseName;

export type SwarmOutcome =
  | { kind: "invalid"; message: string }
  | {
      kind: "judged";
      breach: { name: Breach; detail: string } | null;
      judged: PromiseName[];
      metrics: MetricValues | null;
    };

export function scenarioOf(swarmCase: SwarmCase): ScenarioData {
  return {
    ...swarmCase.scenario,
    seed: swarmCase.seed,
    faults: scheduleEntries(swarmCase.schedule),
  };
}

export function runCase(swarmCase: SwarmCase, file: string): SwarmOutcome {
  const scenario = scenarioOf(swarmCase);
  let world;
  try {
    world = resolveScenario(scenario, { file }).world;
  } catch (error) {
    if (error instanceof ScenarioError) return { kind: "invalid", message: error.message };
    throw error;
  }
  const context = {
    world,
    schedule: swarmCase.schedule,
    settleUs: settlePeriodUs(world),
    durationUs: world.durationUs,
  };
  const judged = promiseNames.filter((name) => promises[name].applies(context));
  const judges: [Breach, Judge][] = [
    ["consistency", consistencyJudge(world)],
    ...judged.map((name): [Breach, Judge] => [name, promises[name].judge(context)]),
  ];
  let result: RunResult;
  try {
    result = runScenario(scenario, {
      file,
      trace: "none",
      fingerprint: false,
      onTrace: (event) => {
        for (const [, judge] of judges) judge.observe?.(event);
      },
    });
  } catch (error) {
    if (error instanceof ScenarioError) return { kind: "invalid", message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: "judged",
      breach: { name: "internal-error", detail: `internal error: ${message}` },
      judged,
      metrics: null,
    };
  }
  for (const [name, judge] of judges) {
    const verdict = judge.verdict(result);
    if (verdict.violated)
      return {
        kind: "judged",
        breach: { name, detail: verdict.detail },
        judged,
        metrics: result.metrics,
      };
  }
  return { kind: "judged", breach: null, judged, metrics: result.metrics };
}
