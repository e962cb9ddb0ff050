// The engine: time, ordering, randomness and limits. Nothing here knows about failover.
export { EventQueue } from "./event-queue.ts";
export { EventLane } from "./event-lane.ts";
export { Rng, RngStreams } from "./rng.ts";
export { Simulation, SimulationLimitError } from "./simulation.ts";
export { defaultRunLimits, wholeUs, type RunLimits } from "./simulation.ts";
