// How far a fault reaches, the helpers the kinds share: a watched node is reached by a node fault
// that names it (a zone: every node in it), and by a network fault that disturbs a link between
// it and one of its watchers — in either direction, since a lost probe and a lost reply look
// alike to the watcher. Names may be endpoints or zones.
import type { Topology } from "./fault-kind.ts";

/** The endpoints the names stand for (a zone: every endpoint in it). */
export function expand(topology: Topology, names: readonly string[]): Set<string> {
  return new Set(names.flatMap((name) => topology.zones.get(name) ?? [name]));
}

/** The names that are watched nodes. */
export function watched(topology: Topology, names: Iterable<string>): Set<string> {
  return new Set([...names].filter((name) => topology.watchersOf.has(name)));
}

/** The watched nodes with a link to one of their watchers that `cuts`. */
export function cutFromAWatcher(
  topology: Topology,
  cuts: (a: string, b: string) => boolean,
): Set<string> {
  const reached = [...topology.watchersOf].filter(([node, watchers]) =>
    watchers.some((watcher) => cuts(node, watcher)),
  );
  return new Set(reached.map(([node]) => node));
}

/** Two endpoints in different listed groups (an endpoint in no group keeps its links). */
export function betweenGroups(groups: readonly Set<string>[]): (a: string, b: string) => boolean {
  return (a, b) => {
    const groupOfA = groups.findIndex((group) => group.has(a));
    const groupOfB = groups.findIndex((group) => group.has(b));
    return groupOfA >= 0 && groupOfB >= 0 && groupOfA !== groupOfB;
  };
}

/** One endpoint inside the set, the other outside it. */
export function acrossSet(set: Set<string>): (a: string, b: string) => boolean {
  return (a, b) => set.has(a) !== set.has(b);
}
