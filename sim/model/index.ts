// The world: nodes, network, monitors, controller, replication, router and clients.
export type * from "./config.ts";
export type * from "./client-config.ts";
export type { LoadBalancerConfig } from "./load-balancer.ts";
export type * from "./world-config.ts";
export type {
  Fault,
  FaultKind,
  FaultSpec,
  ParsedFault,
  EpisodeFault,
  EpisodeKind,
} from "./faults/index.ts";
export {
  describeFault,
  episodeKinds,
  episodeShapeOf,
  episodeShapes,
  faultKindOf,
  faultKinds,
  faults,
  isDisruptive,
} from "./faults/index.ts";
export type { DrawSpace, Topology } from "./faults/fault-kind.ts";
export type {
  ReadOutcome,
  TraceEvent,
  TraceKind,
  TraceRole,
  TraceSink,
  WriteFailure,
  WriteTrace,
} from "./trace.ts";
export { perWriteKinds, writeEvents } from "./trace.ts";
export { RecentTwo } from "./recent-two.ts";
export {
  simulate,
  startSimulation,
  type SimulationRun,
  type SimulationSummary,
} from "./simulation-run.ts";
export {
  detectorFields,
  detectorKindOf,
  detectorKinds,
  detectors,
  intervalJitterDefault,
  intervalJitterSchema,
  widestRoundUs,
} from "./detectors/index.ts";
export type { DetectorConfig, DetectorKind, DetectorSpec } from "./detectors/index.ts";
export {
  drawLease,
  fencingFields,
  fencingKindOf,
  fencingKinds,
  fencingMechanisms,
  fencingNames,
  fencingSettings,
} from "./fencing/index.ts";
export type { FencingSpec } from "./fencing/index.ts";
export {
  failbackFields,
  failbackKindOf,
  failbackKinds,
  failbackNames,
  failbackSettings,
} from "./failback/index.ts";
export type { FailbackSpec } from "./failback/index.ts";
export {
  rejoinFields,
  rejoinKindOf,
  rejoinKinds,
  rejoinNames,
  rejoinSettings,
} from "./rejoin/index.ts";
export type { RejoinSpec } from "./rejoin/index.ts";
export { routingKindIn, routingKindOf, routingKinds, routings } from "./routing/index.ts";
export type { ParsedRouting, RoutingKind, RoutingSpec } from "./routing/index.ts";
export { drainUs, outcomeWithinUs } from "./drain.ts";
export { aimRoles, type Aim, type AimRole } from "./aim.ts";
export {
  describeLatency,
  drawLatency,
  exponential,
  latencies,
  latencyCdf,
  latencyExpectation,
  latencyKindName,
  latencyKinds,
  latencyLimitUs,
  latencyMeanUs,
  latencyPhrase,
  latencyQuantileUs,
  latencySchema,
  lognormal,
  maxMixtureDepth,
  maxMixtureParts,
  mixture,
  pareto,
  sampleLatencyUs,
} from "./latency/index.ts";
export type {
  ExponentialSpec,
  Latency,
  LatencyKind,
  LatencyText,
  LognormalSpec,
  MixtureSpec,
  ParetoSpec,
} from "./latency/index.ts";
