// A run's first step, before anything runs: the scenario (as loaded, not yet validated) with its
// overrides applied, resolved, and held against the limits (scenario/limits.ts) — its size as
// written, then the events and memory it will need. Overrides (`--set`) apply before validation
// so that errors name them; `seed` replaces the scenario's own. Every problem found is thrown at
// once, as one ScenarioError. A sweep checks its whole grid this way without running it.
import {
  applyOverridesCollecting,
  checkWorldLimits,
  checkWrittenSize,
  combineProblems,
  resolveScenario,
  ScenarioError,
  withDefaults,
  type Limits,
  type ResolvedScenario,
} from "../scenario/index.ts";
import { defaultTraceLevel, type TraceLevel } from "./trace-level.ts";

/** What prepareRun reads of a run's options (RunOptions, run-scenario.ts, adds the rest). */
export interface PrepareOptions {
  /** The scenario file as the user named it; used in error messages only. Default: the
   *  scenario's name (or "scenario" when it has none). */
  file?: string;
  /** Replaces the scenario's seed. */
  seed?: number;
  /** `path=value` assignments, applied in order. */
  overrides?: readonly string[];
  /** Which trace events to keep in the result (metrics always see all). Default "changes". */
  trace?: TraceLevel;
  /** Limits on the run's size, events and memory (scenario/limits.ts); the defaults otherwise. */
  limits?: Partial<Limits>;
}

/** The scenario with its overrides, resolved and held against the limits, as a run would begin:
 *  throws the ScenarioError of every problem found. Nothing runs. */
export function prepareRun(raw: unknown, options: PrepareOptions = {}): ResolvedScenario {
  const { seed, overrides = [], trace = defaultTraceLevel } = options;
  const limits = withDefaults(options.limits);
  const file = options.file ?? defaultFileName(raw);
  const { scenario: overridden, problems: setProblems } = applyOverridesCollecting(
    raw,
    overrides,
    file,
  );
  const tooBig = checkWrittenSize(overridden, limits);
  if (tooBig.length > 0) throw new ScenarioError(tooBig.map((problem) => ({ file, ...problem })));
  let scenario;
  try {
    scenario = resolveScenario(
      overridden,
      seed === undefined ? { file, limits } : { file, seed, limits },
    );
  } catch (error) {
    throw error instanceof ScenarioError && setProblems.length > 0
      ? combineProblems([...setProblems, error])
      : error;
  }
  if (setProblems.length > 0) throw new ScenarioError(setProblems);
  const overLimits = checkWorldLimits(
    scenario.world,
    limits,
    trace === "full" ? "full" : trace === "none" ? "none" : "changes",
  );
  if (overLimits.length > 0)
    throw new ScenarioError(overLimits.map((problem) => ({ file, ...problem })));
  return scenario;
}

/** A name for error messages when the caller gives no file: the scenario's own name. */
export function defaultFileName(raw: unknown): string {
  const name =
    raw !== null && typeof raw === "object" ? (raw as { name?: unknown }).name : undefined;
  return typeof name === "string" && name.trim() !== "" ? name : "scenario";
}
