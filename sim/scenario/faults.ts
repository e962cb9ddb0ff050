// Fault builders for scenario files: each returns plain data in the DSL's form (durations as
// strings), so a scenario stays printable and overridable with --set. Nothing is checked here;
// names and times are validated when the scenario is resolved (resolve-faults.ts).
import type { Duration } from "./duration.ts";

/** Names a node, a client group or a zone (a zone stands for every endpoint in it). */
export type EndpointName = string;

export type CrashSpec = { kind: "crash"; node: string };
export type RestartSpec = { kind: "restart"; node: string };
export type PartitionSpec = { kind: "partition"; groups: EndpointName[][] };
export type IsolateSpec = { kind: "isolate"; target: EndpointName };
export type HealSpec = { kind: "heal" };
export type BlipSpec = { kind: "blip"; duration: Duration; groups: EndpointName[][] };
export type PauseSpec = { kind: "pause"; node: string; duration: Duration };

export type FaultSpec = CrashSpec | RestartSpec | PartitionSpec | IsolateSpec | HealSpec | BlipSpec | PauseSpec;

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

/** A partition that heals itself after `duration` (a short network hiccup). */
/** The node's process freezes for `duration` (a GC or VM pause), then carries on as if nothing happened. */
export function pause(node: string, duration: Duration): PauseSpec {
  return { kind: "pause", node, duration };
}

export function blip(duration: Duration, ...groups: EndpointName[][]): BlipSpec {
  return { kind: "blip", duration, groups: groups.map((group) => [...group]) };
}
