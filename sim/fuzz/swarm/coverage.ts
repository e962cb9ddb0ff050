// What the swarm drew, run by run: for each option path, how many runs drew each value — every
// value of its registry listed from the start, so a value never drawn shows as 0 rather than
// missing. The values are read from the resolved world (a preset's detector counts as that
// detector; each link's latency kind, "fixed" or a distribution, and its delivery order), from
// the scenario's policy (which preset, or "none") and from its fault schedule (each kind of fault
// line a run holds, repairs included).
import { latencyKindName, type WorldConfig } from "../../model/index.ts";
import {
  detectorKinds,
  failbackChoices,
  faultKinds,
  fencingChoices,
  presetNames,
  readinessChoices,
  rejoinChoices,
  replicationModes,
  routingKinds,
  type ScheduledFaultSpec,
} from "../../scenario/index.ts";
import { latencyChoices } from "./option-draws.ts";

export const coveredOptions = {
  "detector.kind": detectorKinds,
  "replication.mode": replicationModes,
  "failover.fencing": fencingChoices,
  "failover.failback": failbackChoices,
  "failover.rejoin": rejoinChoices,
  "nodes.readiness": readinessChoices,
  "clients.routing": routingKinds,
  "network.latency": latencyChoices,
  "network.reorder": ["in order", "reorder"],
  "policy.preset": [...presetNames, "none"],
  faults: faultKinds,
} as const satisfies Record<string, readonly string[]>;

export type CoveredOption = keyof typeof coveredOptions;
export type Coverage = Record<CoveredOption, Record<string, number>>;

export function emptyCoverage(): Coverage {
  const entries = Object.entries(coveredOptions).map(([option, values]) => [
    option,
    Object.fromEntries(values.map((value) => [value, 0])),
  ]);
  return Object.fromEntries(entries) as Coverage;
}

/** The values one run drew, per option (a database's options only when it has a database). */
export function drawnValues(
  world: WorldConfig,
  preset: string | undefined,
  faults: readonly ScheduledFaultSpec[],
): Record<CoveredOption, Set<string>> {
  const database = world.nodes.some((node) => node.role === "primary");
  const standbys = world.nodes.filter((node) => node.role === "standby");
  const when = (present: boolean, value: string) => new Set(present ? [value] : []);
  const links = [world.network.defaults, ...world.network.overrides.map(({ spec }) => spec)];
  return {
    "detector.kind": when(database, world.detector.kind),
    "replication.mode": when(database, world.replication.mode),
    "failover.fencing": when(database, world.failover.fencing),
    "failover.failback": when(database, world.failover.failback),
    "failover.rejoin": when(database, world.failover.rejoin),
    "nodes.readiness": new Set(standbys.map((node) => node.readiness)),
    "clients.routing": new Set(world.clients.map((client) => client.routing.kind)),
    "network.latency": new Set(
      links.flatMap((link) => (link.latency === undefined ? [] : [latencyKindName(link.latency)])),
    ),
    "network.reorder": new Set(
      links.flatMap((link) =>
        link.reorder === undefined ? [] : [link.reorder ? "reorder" : "in order"],
      ),
    ),
    "policy.preset": new Set([preset ?? "none"]),
    faults: new Set(faults.map((entry) => entry.fault.kind)),
  };
}

export function addToCoverage(coverage: Coverage, drawn: Record<CoveredOption, Set<string>>): void {
  for (const option of Object.keys(drawn) as CoveredOption[]) {
    for (const value of drawn[option]) coverage[option][value] = (coverage[option][value] ?? 0) + 1;
  }
}

/** Registry values no run drew, as "option=value". */
export function undrawn(coverage: Coverage): string[] {
  return (Object.keys(coverage) as CoveredOption[]).flatMap((option) =>
    Object.entries(coverage[option])
      .filter(([, runs]) => runs === 0)
      .map(([value]) => `${option}=${value}`),
  );
}
