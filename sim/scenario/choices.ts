// The closed sets of words a scenario may use (roles, modes, policies). Each is a const array so
// that the DSL types, the validation schema and error messages come from one list, and a later
// option (a "cold" standby, a "semi-sync" mode, a "stonith" fencing) is one new entry here plus
// its model support — the `satisfies` clauses keep these lists within what the model accepts.
import type { Arrivals, FailoverConfig, NodeConfig, NodeRole, ReadFrom, ReplicationMode, ClientConfig, SessionStore } from "../model/index.ts";
import { detectorKinds as modelDetectorKinds, failbackNames as modelFailbackNames, fencingNames as modelFencingNames } from "../model/index.ts";

export const nodeRoles = ["primary", "standby", "monitor", "witness", "server"] as const satisfies readonly NodeRole[];
export const readinessChoices = ["hot", "warm", "cold"] as const satisfies readonly NodeConfig["readiness"][];
export const replicationModes = ["async", "sync", "semi-sync", "quorum"] as const satisfies readonly ReplicationMode[];
/** From the model's detector registry, so a new detector needs no edit here. */
export const detectorKinds = modelDetectorKinds;
/** From the model's fencing registry. */
export const fencingChoices = modelFencingNames;
/** From the model's failback registry. */
export const failbackChoices = modelFailbackNames;
/** Routing by name; DNS routing ({ dns: { ttl } }) and load-balancer routing ({ lb: {...} }) are objects. */
export const routingChoices = ["proxy", "discovery"] as const satisfies readonly ClientConfig["routing"]["kind"][];
/** Every way clients find where to send (proxy, dns, discovery, lb), as a Record over the model's
 *  union so a new kind cannot be left out. */
const everyRoutingKind: Record<ClientConfig["routing"]["kind"], true> = { proxy: true, dns: true, discovery: true, lb: true };
export const routingKinds = Object.keys(everyRoutingKind) as ClientConfig["routing"]["kind"][];
export const arrivalChoices = ["poisson", "uniform"] as const satisfies readonly Arrivals[];
export const readFromChoices = ["primary", "standbys", "any"] as const satisfies readonly ReadFrom[];
export const sessionStores = ["memory", "external"] as const satisfies readonly SessionStore[];

export type Role = (typeof nodeRoles)[number];
export type Readiness = (typeof readinessChoices)[number];
export type ReplicationModeChoice = (typeof replicationModes)[number];
export type DetectorKind = (typeof detectorKinds)[number];
export type Fencing = (typeof fencingChoices)[number];
export type Failback = (typeof failbackChoices)[number];
export type Routing = (typeof routingChoices)[number];
export type RoutingKind = (typeof routingKinds)[number];
export type ArrivalsChoice = (typeof arrivalChoices)[number];
export type ReadFromChoice = (typeof readFromChoices)[number];
export type SessionStoreChoice = (typeof sessionStores)[number];
