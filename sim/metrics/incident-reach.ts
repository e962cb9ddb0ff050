// Which watched nodes a disruptive fault reaches, and when the fault is over: what detection_s
// needs to tell a suspicion caused by a fault from one that is not. Each fault kind judges its
// own (model/faults/<kind>.ts: reach, repairedBy, knownEndUs); this file builds who watches whom.
// Watched nodes: the primary and standbys, watched by every monitor and witness; and pool
// servers, watched by the load balancer of each client group routing to them. A fault lasts
// until its repair or its known end, whichever comes first.
import {
  faultKindOf,
  routingKindOf,
  type Fault,
  type Topology,
  type TraceEvent,
  type WorldConfig,
} from "../model/index.ts";

export type { Topology };

export function topologyOf(config: WorldConfig): Topology {
  const watchers = config.nodes
    .filter((node) => node.role === "monitor" || node.role === "witness")
    .map((node) => node.name);
  const watchersOf = new Map<string, string[]>();
  for (const node of config.nodes)
    if (node.role === "primary" || node.role === "standby")
      watchersOf.set(node.name, [...watchers]);
  for (const client of config.clients) {
    for (const server of routingKindOf(client.routing.kind).watches(client.routing))
      watchersOf.set(server, [...(watchersOf.get(server) ?? []), client.name]);
  }
  const zones = new Map<string, string[]>();
  for (const endpoint of [...config.nodes, ...config.clients])
    zones.set(endpoint.zone, [...(zones.get(endpoint.zone) ?? []), endpoint.name]);
  return { watchersOf, zones };
}

/** The watched nodes a fault reaches. */
export function reachedNodes(fault: Fault, topology: Topology): Set<string> {
  return faultKindOf(fault.kind).reach(fault, topology);
}

/** When the fault is over if that is known when it starts (Infinity: at a later trace event). */
export function knownEndUs(fault: Fault, startUs: number): number {
  return faultKindOf(fault.kind).knownEndUs(fault, startUs);
}

/** Whether `event` repairs `fault` (ends it before its known end). */
export function repairs(event: TraceEvent, fault: Fault): boolean {
  return faultKindOf(fault.kind).repairedBy(event, fault);
}
