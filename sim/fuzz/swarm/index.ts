// Swarm fuzzing: whole configurations drawn from the registries, each run judged against what its
// configuration promises (promises.ts), for internal errors and for metrics consistent with the
// trace; a breach shrunk — schedule and configuration — to a self-contained reproducer.
export { runSwarm, type SwarmPlan, type SwarmResult, type SwarmBreach } from "./run-swarm.ts";
export { swarmReproducerSource } from "./swarm-reproducer.ts";
export { coveredOptions, undrawn, type Coverage } from "./coverage.ts";
export { promises, promiseNames, type PromiseName, type ConfigurationPromise } from "./promises.ts";
export { runCase, type SwarmCase, type SwarmOutcome, type Breach } from "./swarm-case.ts";
export { consistencyJudge } from "./consistency.ts";
