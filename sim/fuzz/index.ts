// Fuzzing: random fault schedules on a scenario's cluster and policy, judged by an invariant; a
// failing schedule shrunk to a smallest one and written as a reproducer scenario. Beside sweep
// and check, below the CLI (it runs scenarios through sim/run); pure but for the progress bar
// (the CLI writes the file).
export {
  runFuzz,
  type FuzzPlan,
  type FuzzHooks,
  type FuzzResult,
  type FuzzFailure,
} from "./run-fuzz.ts";
export { invariants, type Invariant, type Verdict } from "./invariants.ts";
export { invariantNames, isInvariantName, type InvariantName } from "./invariant-names.ts";
export { scheduleEntries, lastEndUs, type Episode, type EpisodeFault } from "./episode.ts";
export { scheduledFaultSource, faultSource } from "./fault-source.ts";
export { reproducerSource, reproducerName, type ReproducerInput } from "./reproducer.ts";
export { settlePeriodUs, settleTerms, type SettleTerms } from "./settle-period.ts";
export { faultCount, scheduleSize, compareSize } from "./schedule-size.ts";
export { shrink, type Shrunk } from "./shrink.ts";
export { fuzzDefaults } from "./fuzz-defaults.ts";
export { FuzzError } from "./fuzz-error.ts";
export { fuzzProgressBar, type FuzzProgress } from "./fuzz-progress.ts";
