// Which watched nodes a disruptive fault reaches, and when the fault is over: what detection_s
// needs to tell a suspicion caused by a fault from one that is not.
// Watched nodes: the primary and standbys, watched by every monitor and witness; and pool
// servers, watched by the load balancer of each client group routing to them. A node fault
// (crash, pause, slow, read-only, zone-outage) reaches the nodes it names (a zone: every node in
// it). A network fault (partition, blip, isolate, one-way, degrade) reaches a watched node when it
// disturbs a link between that node and one of its watchers — in either direction, since a lost
// probe and a lost reply look alike to the watcher. Names in a fault may be endpoints or zones.
// A fault lasts until its repair: a crash until the node is up again, a pause until it resumes,
// slow and read-only until set back, a zone outage until its restore, a partition, isolate or
// one-way cut until heal(), a blip or a timed degrade for its duration or until heal(), whichever
// comes first (an untimed degrade until heal()).
import type { Fault, TraceEvent, WorldConfig } from "../model/index.ts";

export interface Topology {
  /** For each watched node, who watches it: monitor and witness names, or client group names. */
  watchersOf: ReadonlyMap<string, readonly string[]>;
  /** Endpoints by zone. */
  zones: ReadonlyMap<string, readonly string[]>;
}

export function topologyOf(config: WorldConfig): Topology {
  const watchers = config.nodes.filter((node) => node.role === "monitor" || node.role === "witness").map((node) => node.name);
  const watchersOf = new Map<string, string[]>();
  for (const node of config.nodes) if (node.role === "primary" || node.role === "standby") watchersOf.set(node.name, [...watchers]);
  for (const client of config.clients) {
    if (client.routing.kind !== "lb") continue;
    for (const server of client.routing.servers) watchersOf.set(server, [...(watchersOf.get(server) ?? []), client.name]);
  }
  const zones = new Map<string, string[]>();
  for (const endpoint of [...config.nodes, ...config.clients]) zones.set(endpoint.zone, [...(zones.get(endpoint.zone) ?? []), endpoint.name]);
  return { watchersOf, zones };
}

/** The watched nodes a fault reaches. */
export function reachedNodes(fault: Fault, topology: Topology): Set<string> {
  const expand = (names: readonly string[]) => new Set(names.flatMap((name) => topology.zones.get(name) ?? [name]));
  const watched = (names: Iterable<string>) => new Set([...names].filter((name) => topology.watchersOf.has(name)));
  const cutFromAWatcher = (cuts: (a: string, b: string) => boolean) =>
    new Set([...topology.watchersOf].filter(([node, watchers]) => watchers.some((watcher) => cuts(node, watcher))).map(([node]) => node));
  switch (fault.kind) {
    case "crash":
    case "pause":
    case "slow":
    case "read-only":
      return watched([fault.node]);
    case "zone-outage":
      return watched(expand([fault.zone]));
    case "partition":
    case "blip":
      return cutFromAWatcher(betweenGroups(fault.groups.map(expand)));
    case "degrade":
      return cutFromAWatcher(fault.groups.length === 1 ? acrossSet(expand(fault.groups[0])) : betweenGroups(fault.groups.map(expand)));
    case "isolate":
      return cutFromAWatcher(acrossSet(expand([fault.target])));
    case "one-way": {
      const from = expand(fault.from);
      const to = expand(fault.to);
      return cutFromAWatcher((a, b) => (from.has(a) && to.has(b)) || (from.has(b) && to.has(a)));
    }
    case "restart":
    case "heal":
    case "clock-skew":
      return new Set();
    default: {
      const unknown: never = fault;
      throw new Error(`unknown fault ${JSON.stringify(unknown)}`);
    }
  }
}

/** Two endpoints in different listed groups (an endpoint in no group keeps its links). */
function betweenGroups(groups: Set<string>[]): (a: string, b: string) => boolean {
  return (a, b) => {
    const groupOfA = groups.findIndex((group) => group.has(a));
    const groupOfB = groups.findIndex((group) => group.has(b));
    return groupOfA >= 0 && groupOfB >= 0 && groupOfA !== groupOfB;
  };
}

/** One endpoint inside the set, the other outside it. */
function acrossSet(set: Set<string>): (a: string, b: string) => boolean {
  return (a, b) => set.has(a) !== set.has(b);
}

/** When the fault is over if that is known when it starts (Infinity: at a later trace event). */
export function knownEndUs(fault: Fault, startUs: number): number {
  if (fault.kind === "blip") return startUs + fault.durationUs;
  if (fault.kind === "degrade" && fault.durationUs > 0) return startUs + fault.durationUs;
  return Infinity;
}

/** Whether `event` repairs `fault` (ends it before its known end). */
export function repairs(event: TraceEvent, fault: Fault): boolean {
  switch (fault.kind) {
    case "crash":
      return event.kind === "node_up" && event.node === fault.node;
    case "pause":
      return event.kind === "node_resumed" && event.node === fault.node;
    case "partition":
    case "isolate":
    case "one-way":
    case "blip":
    case "degrade":
      // heal() restores every link, cuts that would have ended by themselves included.
      return event.kind === "fault" && event.fault.kind === "heal";
    case "slow":
      return event.kind === "fault" && event.fault.kind === "slow" && event.fault.node === fault.node && event.fault.delayUs === 0;
    case "read-only":
      return event.kind === "fault" && event.fault.kind === "read-only" && event.fault.node === fault.node && event.fault.writable;
    case "zone-outage":
      return event.kind === "fault" && event.fault.kind === "zone-outage" && event.fault.zone === fault.zone && event.fault.restore;
    default:
      return false;
  }
}
