// Draw helpers the fault kinds' episodes share. Every draw comes from the `rng` handed in, in a
// fixed order, so the same stream gives the same episode; times are whole milliseconds so they
// read well in a reproducer.
import type { Rng } from "../../engine/index.ts";
import type { DrawSpace } from "./fault-kind.ts";

const msUs = 1000;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

export function roundMs(us: number): number {
  return Math.round(us / msUs) * msUs;
}

/** Nodes and client groups: every network endpoint. */
export function endpointsOf(space: DrawSpace): string[] {
  return [...space.nodes, ...space.clients];
}

/** Two non-empty sides: of the zones half the time (when there are two or more), else of the endpoints. */
export function drawSplit(rng: Rng, space: DrawSpace): string[][] {
  const names = space.zones.length > 1 && rng.chance(0.5) ? space.zones : endpointsOf(space);
  const inFirst = names.map(() => rng.chance(0.5));
  // Both sides must hold something: move one name across when a side came out empty.
  if (inFirst.every(Boolean) || !inFirst.some(Boolean)) {
    const moved = rng.int(names.length);
    inFirst[moved] = !inFirst[moved];
  }
  return [names.filter((_, i) => inFirst[i]), names.filter((_, i) => !inFirst[i])];
}
