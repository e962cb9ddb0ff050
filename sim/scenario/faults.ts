// Fault builders for scenario files: each returns plain data in the DSL's form (durations as
// strings), so a scenario stays printable and overridable with --set. Nothing is checked here;
// names and times are validated when the scenario is resolved (resolve-faults.ts).
import type { Duration } from "../dsl/index.ts";

/** Names a node, a client group or a zone (a zone stands for every endpoint in it). */
export type EndpointName = string;

export type CrashSpec = { kind: "crash"; node: string };
export type RestartSpec = { kind: "restart"; node: string };
export type PartitionSpec = { kind: "partition"; groups: EndpointName[][] };
export type IsolateSpec = { kind: "isolate"; target: EndpointName };
export type HealSpec = { kind: "heal" };
export type BlipSpec = { kind: "blip"; duration: Duration; groups: EndpointName[][] };
export type PauseSpec = { kind: "pause"; node: string; duration: Duration };
export type OneWaySpec = { kind: "oneWay"; from: EndpointName[]; to: EndpointName[] };
/** A node, client group or zone (its links with everything else), or a link "a<->b". */
export type LinkTarget = EndpointName;
export type DegradeSpec = {
  kind: "degrade";
  target: LinkTarget;
  loss?: number;
  delay?: Duration;
  flaky?: { down: Duration; up: Duration };
  for?: Duration;
};
export type SlowSpec = { kind: "slow"; node: string; delay: Duration };
export type ReadOnlySpec = { kind: "readOnly"; node: string; writable: boolean };
/** `jump` may be negative ("-30s"): the clock goes back. */
export type ClockSkewSpec = { kind: "clockSkew"; node: string; rate?: number; jump?: Duration | `-${Duration}` };
export type ZoneOutageSpec = { kind: "zoneOutage"; zone: string; restore: boolean };

export type FaultSpec =
  | CrashSpec
  | RestartSpec
  | PartitionSpec
  | IsolateSpec
  | HealSpec
  | BlipSpec
  | PauseSpec
  | OneWaySpec
  | DegradeSpec
  | SlowSpec
  | ReadOnlySpec
  | ClockSkewSpec
  | ZoneOutageSpec;

export interface ScheduledFaultSpec {
  /** Time since the start of the run; before the end of the run. */
  at: Duration;
  fault: FaultSpec;
}

/** Schedules `fault` at `time` after the start of the run. */
export function at(time: Duration, fault: FaultSpec): ScheduledFaultSpec {
  return { at: time, fault };
}

/** Stops a node (database or monitor) until it is restarted. */
export function crash(node: string): CrashSpec {
  return { kind: "crash", node };
}

/** Starts a crashed node again. */
export function restart(node: string): RestartSpec {
  return { kind: "restart", node };
}

/** Cuts every link between endpoints of different groups (two or more); others keep their links. */
export function partition(...groups: EndpointName[][]): PartitionSpec {
  return { kind: "partition", groups: groups.map((group) => [...group]) };
}

/** Cuts every link between `target` (endpoint or zone) and everything else. */
export function isolate(target: EndpointName): IsolateSpec {
  return { kind: "isolate", target };
}

/** Restores every cut link. */
export function heal(): HealSpec {
  return { kind: "heal" };
}

/** The node's process freezes for `duration` (a GC or VM pause), then carries on as if nothing happened. */
export function pause(node: string, duration: Duration): PauseSpec {
  return { kind: "pause", node, duration };
}

/** A partition that heals itself after `duration` (a short network hiccup). */
export function blip(duration: Duration, ...groups: EndpointName[][]): BlipSpec {
  return { kind: "blip", duration, groups: groups.map((group) => [...group]) };
}

const list = (names: EndpointName | EndpointName[]): EndpointName[] => (Array.isArray(names) ? [...names] : [names]);

/** Cuts only the direction from `from` to `to` (asymmetric partition); heal() restores it. */
export function oneWay(from: EndpointName | EndpointName[], to: EndpointName | EndpointName[]): OneWaySpec {
  return { kind: "oneWay", from: list(from), to: list(to) };
}

/** Messages on the target's links are lost with `probability` (until heal(), or for `options.for`). */
export function loss(target: LinkTarget, probability: number, options: { for?: Duration } = {}): DegradeSpec {
  return { kind: "degrade", target, loss: probability, ...options };
}

/** Messages on the target's links take `extra` longer: a latency spike (until heal(), or for `options.for`). */
export function delay(target: LinkTarget, extra: Duration, options: { for?: Duration } = {}): DegradeSpec {
  return { kind: "degrade", target, delay: extra, ...options };
}

/** The target's links fail for `down`, work for `up`, over and over (until heal(), or for `for`). */
export function flaky(target: LinkTarget, options: { down: Duration; up: Duration; for?: Duration }): DegradeSpec {
  const { down, up, ...rest } = options;
  return { kind: "degrade", target, flaky: { down, up }, ...rest };
}

/** Gray failure: the node answers health checks but handles every write `delay` late ("0s" ends it). */
export function slow(node: string, delay: Duration): SlowSpec {
  return { kind: "slow", node, delay };
}

/** The node cannot commit (read-only file system) but stays up; `writable` ends it. */
export function readOnly(node: string): ReadOnlySpec {
  return { kind: "readOnly", node, writable: false };
}

export function writable(node: string): ReadOnlySpec {
  return { kind: "readOnly", node, writable: true };
}

/** The node's disk is full: as readOnly; `diskFreed` ends it. */
export function diskFull(node: string): ReadOnlySpec {
  return readOnly(node);
}

export function diskFreed(node: string): ReadOnlySpec {
  return writable(node);
}

/** The node's clock runs at `rate` times real time and/or jumps by `jump` ("-30s" goes back). */
export function clockSkew(node: string, options: { rate?: number; jump?: Duration | `-${Duration}` }): ClockSkewSpec {
  return { kind: "clockSkew", node, ...options };
}

/** Every node of the zone crashes at once; zoneRestore restarts them. */
export function zoneOutage(zone: string): ZoneOutageSpec {
  return { kind: "zoneOutage", zone, restore: false };
}

export function zoneRestore(zone: string): ZoneOutageSpec {
  return { kind: "zoneOutage", zone, restore: true };
}

/** A monitor crashes (the same as crash(monitor), named for what it is). */
export function monitorCrash(monitor: string): CrashSpec {
  return crash(monitor);
}
