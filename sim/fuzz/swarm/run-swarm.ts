// `sim fuzz --swarm` without the terminal: run after run, draw a whole case (draw-case.ts), run it
// and judge it (swarm-case.ts); count what was drawn (coverage.ts) and which promises were judged;
// at the first breach, shrink the case (shrink-case.ts) and stop. A drawn configuration the
// scenario layer refuses is itself a breach (of the swarm's own draws): it is reported, not
// skipped. Pure but for the runs, which are pure too: the same plan gives the same result in any
// process.
import { resolveScenario } from "../../scenario/index.ts";
import { scheduleEntries } from "../episode.ts";
import { faultCount } from "../schedule-size.ts";
import { fuzzDefaults } from "../fuzz-defaults.ts";
import { addToCoverage, drawnValues, emptyCoverage, type Coverage } from "./coverage.ts";
import { drawCase, InvalidDraw } from "./draw-case.ts";
import type { ScenarioData } from "./draw-configuration.ts";
import { promiseNames, type PromiseName } from "./promises.ts";
import { shrinkCase } from "./shrink-case.ts";
import { runCase, type Breach, type SwarmCase } from "./swarm-case.ts";

export interface SwarmPlan {
  runs: number;
  seed: number;
  maxEpisodes: number;
  /** Shown in error messages and reproducer headers: the base scenario, or "swarm". */
  file: string;
  /** With a scenario: its cluster stays, the policy is drawn over it. */
  base?: ScenarioData;
}

export interface SwarmBreach {
  /** 1-based run that broke it, its simulation seed, and what broke. */
  run: number;
  seed: number;
  name: Breach;
  drawnDetail: string;
  drawnFaults: number;
  /** The shrunk case and what it showed. */
  shrunk: SwarmCase;
  detail: string;
  shrinkRuns: number;
  exhausted: boolean;
}

export interface SwarmResult {
  runsDone: number;
  /** Distinct configurations drawn (the scenario without its faults and seed). */
  configurations: number;
  coverage: Coverage;
  /** Runs on which each promise applied, and was judged. */
  judged: Record<PromiseName, number>;
  breach: SwarmBreach | null;
}

export interface SwarmHooks {
  onRun?: (done: number) => void;
  onShrink?: (runs: number) => void;
}

export function runSwarm(plan: SwarmPlan, hooks: SwarmHooks = {}): SwarmResult {
  const coverage = emptyCoverage();
  const judged = Object.fromEntries(promiseNames.map((name) => [name, 0])) as Record<
    PromiseName,
    number
  >;
  const configurations = new Set<string>();
  for (let index = 0; index < plan.runs; index++) {
    const drawn = drawRun(plan, index);
    const common = {
      runsDone: index + 1,
      configurations: configurations.add(drawn.key).size,
      coverage,
      judged,
    };
    if ("invalid" in drawn)
      return { ...common, breach: invalidDraw(index, drawn.invalid, drawn.message) };
    const { swarmCase } = drawn;
    const world = resolveScenario(
      { ...swarmCase.scenario, faults: scheduleEntries(swarmCase.schedule) },
      { file: plan.file },
    ).world;
    addToCoverage(
      coverage,
      drawnValues(
        world,
        (swarmCase.scenario.policy as { preset?: string } | undefined)?.preset,
        scheduleEntries(swarmCase.schedule),
      ),
    );
    const outcome = runCase(swarmCase, plan.file);
    hooks.onRun?.(index + 1);
    if (outcome.kind === "invalid")
      return { ...common, breach: invalidDraw(index, swarmCase, outcome.message) };
    for (const name of outcome.judged) judged[name]++;
    if (outcome.breach === null) continue;
    return { ...common, breach: shrunkBreach(plan, index, swarmCase, outcome.breach, hooks) };
  }
  return {
    runsDone: plan.runs,
    configurations: configurations.size,
    coverage,
    judged,
    breach: null,
  };
}

/** Run `index`'s case, and the key that tells its configuration from the others. */
function drawRun(
  plan: SwarmPlan,
  index: number,
): { swarmCase: SwarmCase; key: string } | { invalid: SwarmCase; message: string; key: string } {
  try {
    const swarmCase = drawCase(plan.seed, index, plan.file, plan.maxEpisodes, plan.base);
    const { name: _name, summary: _summary, ...configuration } = swarmCase.scenario;
    return { swarmCase, key: JSON.stringify(configuration) };
  } catch (error) {
    if (error instanceof InvalidDraw)
      return {
        invalid: { scenario: error.scenario, schedule: [], seed: 0 },
        message: error.message,
        key: `invalid ${index}`,
      };
    throw error;
  }
}

function invalidDraw(index: number, swarmCase: SwarmCase, message: string): SwarmBreach {
  const detail = `the swarm drew a configuration the scenario layer refuses (a bug in the swarm's draws): ${message}`;
  return {
    run: index + 1,
    seed: swarmCase.seed,
    name: "internal-error",
    drawnDetail: detail,
    drawnFaults: 0,
    shrunk: swarmCase,
    detail,
    shrinkRuns: 0,
    exhausted: false,
  };
}

function shrunkBreach(
  plan: SwarmPlan,
  index: number,
  swarmCase: SwarmCase,
  breach: { name: Breach; detail: string },
  hooks: SwarmHooks,
): SwarmBreach {
  const fails = (candidate: SwarmCase) => {
    const outcome = runCase(candidate, plan.file);
    return outcome.kind === "judged" && outcome.breach?.name === breach.name
      ? outcome.breach
      : null;
  };
  let runs = 0;
  const shrunk = shrinkCase(
    swarmCase,
    breach,
    (candidate) => {
      hooks.onShrink?.(++runs);
      return fails(candidate);
    },
    {
      file: plan.file,
      needsRepairs: breach.name === "recovers-after-faults",
      maxRuns: fuzzDefaults.maxShrinkRuns,
    },
  );
  return {
    run: index + 1,
    seed: swarmCase.seed,
    name: breach.name,
    drawnDetail: breach.detail,
    drawnFaults: faultCount(swarmCase.schedule),
    shrunk: shrunk.swarmCase,
    detail: shrunk.failure.detail,
    shrinkRuns: shrunk.runs,
    exhausted: shrunk.exhausted,
  };
}
