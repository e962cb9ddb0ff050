// What faults a scenario offers the fuzzer: its own node names, database nodes, client groups and
// zones, and the window of time faults fall in. The window opens after a warm-up and closes early
// enough that, after the last episode, the settle period and then some writes fit in the run —
// the same window for every invariant, so a schedule means the same whatever is checked.
import type { DrawSpace, WorldConfig } from "../model/index.ts";
import { formatDuration } from "../scenario/index.ts";
import { FuzzError } from "./fuzz-error.ts";
import { fuzzDefaults } from "./fuzz-defaults.ts";

/** The names faults may target (DrawSpace: nodes, database nodes, client groups, zones) and the window. */
export interface FaultSpace extends DrawSpace {
  nodes: string[];
  dataNodes: string[];
  clients: string[];
  zones: string[];
  windowStartUs: number;
  windowEndUs: number;
  durationUs: number;
}

export function faultSpace(world: WorldConfig, settleUs: number, file: string): FaultSpace {
  const { warmUpUs, observeUs, minWindowUs } = fuzzDefaults;
  const windowStartUs = warmUpUs;
  const windowEndUs = world.durationUs - settleUs - observeUs;
  if (windowEndUs - windowStartUs < minWindowUs) {
    const needed = warmUpUs + minWindowUs + settleUs + observeUs;
    throw new FuzzError(
      `${file}: duration ${formatDuration(world.durationUs)} is too short to fuzz: faults fall after a ${formatDuration(warmUpUs)} warm-up ` +
        `and end ${formatDuration(settleUs)} (the settle period) + ${formatDuration(observeUs)} before the end, in a window of at least ` +
        `${formatDuration(minWindowUs)}. Give the scenario a duration of at least ${formatDuration(needed)}, or a shorter --settle.`,
    );
  }
  const placed = [...world.nodes, ...world.clients];
  return {
    nodes: world.nodes.map((node) => node.name),
    dataNodes: world.nodes
      .filter((node) => node.role === "primary" || node.role === "standby")
      .map((node) => node.name),
    clients: world.clients.map((client) => client.name),
    zones: [...new Set(placed.map((endpoint) => endpoint.zone))],
    windowStartUs,
    windowEndUs,
    durationUs: world.durationUs,
  };
}

/** Nodes and client groups: every network endpoint. */
export function endpointsOf(space: FaultSpace): string[] {
  return [...space.nodes, ...space.clients];
}
