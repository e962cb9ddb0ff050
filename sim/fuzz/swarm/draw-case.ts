// Swarm run i: everything it needs is drawn from the random stream "swarm:run:<i>" of the fuzz
// seed, in a fixed order — the simulation seed, the configuration (draw-configuration.ts), the
// length of its fault window, then the fault schedule over every episode kind — so the same fuzz
// seed gives the same runs in any process. The run lasts a 10 s warm-up, a fault window of 60 s to
// 2 min, the configuration's settle period and 10 s of watching (fuzz-defaults.ts), rounded up
// to whole seconds: long enough for the slowest drawn policy to detect, fence, promote and settle.
import { Rng } from "../../engine/index.ts";
import { resolveScenario, ScenarioError } from "../../scenario/index.ts";
import { drawSchedule, episodeKinds } from "../draw-schedule.ts";
import type { EpisodeKind } from "../episode.ts";
import { durationText } from "../../dsl/index.ts";
import { faultSpace } from "../fault-space.ts";
import { fuzzDefaults } from "../fuzz-defaults.ts";
import { settlePeriodUs } from "../settle-period.ts";
import { drawConfiguration, type ScenarioData } from "./draw-configuration.ts";
import type { SwarmCase } from "./swarm-case.ts";

/** Simulation seeds are whole numbers in [0, 2^31). */
const seedRange = 2 ** 31;
const sUs = 1_000_000;

/** A drawn configuration the scenario layer refuses: a bug in the swarm's draws, shown with it. */
export class InvalidDraw extends Error {
  constructor(
    message: string,
    readonly scenario: ScenarioData,
  ) {
    super(message);
    this.name = "InvalidDraw";
  }
}

export function drawCase(
  fuzzSeed: number,
  index: number,
  file: string,
  maxEpisodes: number,
  base?: ScenarioData,
): SwarmCase {
  const rng = new Rng(fuzzSeed, `swarm:run:${index}`);
  const seed = rng.int(seedRange);
  const configuration = drawConfiguration(rng, base);
  const named = {
    name: `swarm-${fuzzSeed}-${index + 1}`,
    summary: `Swarm run ${index + 1} of fuzz seed ${fuzzSeed}.`,
    ...configuration,
  };
  return { ...completeCase(rng, named, { file, maxEpisodes, kinds: episodeKinds }), seed };
}

/** A configuration made a case: its duration fitted to its policy, and a schedule drawn of `kinds`. */
export function completeCase(
  rng: Rng,
  named: ScenarioData,
  options: { file: string; maxEpisodes: number; kinds: readonly EpisodeKind[] },
): Omit<SwarmCase, "seed"> {
  const { file } = options;
  const windowUs = Math.round(rng.uniform(60, 120)) * sUs;
  let durationUs: number;
  try {
    durationUs = fittingDurationUs(named, windowUs, file);
  } catch (error) {
    if (error instanceof ScenarioError)
      throw new InvalidDraw(error.message, { ...named, duration: "1h" });
    throw error;
  }
  const scenario = { ...named, duration: durationText(durationUs) };
  const world = resolveScenario(scenario, { file }).world;
  const space = faultSpace(world, settlePeriodUs(world), file);
  return { scenario, schedule: drawSchedule(rng, space, options.maxEpisodes, options.kinds) };
}

/** A duration holding the warm-up, the window, the settle period and the watching, in whole seconds. */
function fittingDurationUs(scenario: ScenarioData, windowUs: number, file: string): number {
  const { warmUpUs, observeUs } = fuzzDefaults;
  // The settle period depends on the duration only through a cold standby's replay, capped by its
  // backup interval: settle once with a long run, then once more with the run it asks for.
  let durationUs = 3600 * sUs;
  for (let pass = 0; pass < 2; pass++) {
    const world = resolveScenario(
      { ...scenario, duration: durationText(durationUs) },
      { file },
    ).world;
    durationUs = Math.ceil((warmUpUs + windowUs + settlePeriodUs(world) + observeUs) / sUs) * sUs;
  }
  return durationUs;
}
