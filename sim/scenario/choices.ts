// The closed sets of words a scenario may use (roles, modes, policies). Each is a const array so
// that the DSL types, the validation schema and error messages come from one list: the kinds that
// are modules of their own (detectors, fencing, failback, rejoin, routing) come from their registries in
// the model; the others are listed here, and the `satisfies` clauses keep them within what the
// model accepts.
import type {
  Arrivals,
  NodeConfig,
  NodeRole,
  ReadFrom,
  ReplicationMode,
  RestartPolicy,
  SessionStore,
} from "../model/index.ts";
import {
  detectorKinds as modelDetectorKinds,
  failbackNames as modelFailbackNames,
  fencingNames as modelFencingNames,
  rejoinNames as modelRejoinNames,
  routingKinds as modelRoutingKinds,
} from "../model/index.ts";

export const nodeRoles = [
  "primary",
  "standby",
  "monitor",
  "witness",
  "server",
] as const satisfies readonly NodeRole[];
export const readinessChoices = [
  "hot",
  "warm",
  "cold",
] as const satisfies readonly NodeConfig["readiness"][];
export const replicationModes = [
  "async",
  "sync",
  "semi-sync",
  "quorum",
  "isr",
] as const satisfies readonly ReplicationMode[];
/** From the model's detector registry, so a new detector needs no edit here. */
export const detectorKinds = modelDetectorKinds;
/** From the model's fencing registry. */
export const fencingChoices = modelFencingNames;
/** From the model's failback registry. */
export const failbackChoices = modelFailbackNames;
/** From the model's rejoin registry. */
export const rejoinChoices = modelRejoinNames;
/** Every way clients find where to send, from the model's routing registry. */
export const routingKinds = modelRoutingKinds;
export const arrivalChoices = ["poisson", "uniform"] as const satisfies readonly Arrivals[];
export const readFromChoices = [
  "primary",
  "standbys",
  "any",
] as const satisfies readonly ReadFrom[];
export const sessionStores = ["memory", "external"] as const satisfies readonly SessionStore[];
export const restartPolicies = ["never", "always"] as const satisfies readonly RestartPolicy[];

export type Role = (typeof nodeRoles)[number];
export type Readiness = (typeof readinessChoices)[number];
export type ReplicationModeChoice = (typeof replicationModes)[number];
export type DetectorKind = (typeof detectorKinds)[number];
export type Fencing = (typeof fencingChoices)[number];
export type Failback = (typeof failbackChoices)[number];
export type RejoinChoice = (typeof rejoinChoices)[number];
export type RoutingKind = (typeof routingKinds)[number];
export type ArrivalsChoice = (typeof arrivalChoices)[number];
export type ReadFromChoice = (typeof readFromChoices)[number];
export type SessionStoreChoice = (typeof sessionStores)[number];
export type RestartPolicyChoice = (typeof restartPolicies)[number];
