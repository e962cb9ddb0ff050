// The world: nodes, network, monitors, controller, replication, router and clients.
export type * from "./config.ts";
export type { Fault, FaultKind } from "./fault.ts";
export { describeFault, isDisruptive } from "./fault.ts";
export type { ReadOutcome, TraceEvent, TraceKind, TraceRole, TraceSink, WriteFailure } from "./trace.ts";
export { perWriteKinds } from "./trace.ts";
export { simulate, startSimulation, type SimulationRun, type SimulationSummary } from "./world.ts";
export { detectorKinds } from "./detectors/index.ts";
export { drainUs, outcomeWithinUs } from "./drain.ts";
