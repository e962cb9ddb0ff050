// Resolution helpers the fault kinds share: a name checked against the scenario's nodes,
// database nodes or endpoints, groups of names expanded (a zone stands for every endpoint in it)
// and checked not to overlap, and a signed duration. Each failure names the field and says what
// was expected (failAt throws; the schedule goes on with the next fault).
import { failAt, readDuration } from "../../dsl/index.ts";
import type { FaultSite } from "./fault-kind.ts";

/** A node (database, monitor, witness or pool server) named at `field`. */
export function nodeAt(name: string, field: PropertyKey, site: FaultSite): string {
  const { nodeNames } = site.endpoints;
  if (!nodeNames.includes(name))
    failAt(site.context, [...site.path, field], `a node: ${nodeNames.join(", ")}`);
  return name;
}

/** A database node (primary or standby) named at `field`. */
export function dataNodeAt(name: string, field: PropertyKey, site: FaultSite): string {
  const { dataNodeNames } = site.endpoints;
  if (!dataNodeNames.includes(name))
    failAt(site.context, [...site.path, field], `a database node: ${dataNodeNames.join(", ")}`);
  return name;
}

/** A node, client group or zone named at `field`. */
export function endpointAt(name: string, field: PropertyKey, site: FaultSite): string {
  if (!site.endpoints.isKnown(name))
    failAt(site.context, [...site.path, field], site.endpoints.expectation);
  return name;
}

/** Groups of names as endpoints, zones expanded; an endpoint may sit in only one group. */
export function groupsAt(
  groups: readonly (readonly string[])[],
  path: readonly PropertyKey[],
  site: FaultSite,
): string[][] {
  const { endpoints, context } = site;
  const at = [...site.path, ...path];
  // endpoint → where it was first placed, to explain an overlap.
  const placedBy = new Map<string, { group: number; name: string }>();
  return groups.map((group, groupIndex) => {
    const members: string[] = [];
    group.forEach((name, nameIndex) => {
      if (!endpoints.isKnown(name))
        failAt(context, [...at, groupIndex, nameIndex], endpoints.expectation);
      for (const endpoint of endpoints.expand(name)) {
        const earlier = placedBy.get(endpoint);
        if (earlier !== undefined && earlier.group !== groupIndex) {
          const via = earlier.name === endpoint ? "" : ` (through ${JSON.stringify(earlier.name)})`;
          failAt(
            context,
            [...at, groupIndex, nameIndex],
            `groups that do not overlap, but ${endpoint} is already in group ${earlier.group}${via}`,
          );
        }
        if (earlier === undefined) {
          placedBy.set(endpoint, { group: groupIndex, name });
          members.push(endpoint);
        }
      }
    });
    return members;
  });
}

/** "30s" or "-30s" at `field` → µs; absent → 0. */
export function signedDurationAt(
  text: string | undefined,
  field: PropertyKey,
  site: FaultSite,
): number {
  if (text === undefined) return 0;
  const negative = text.startsWith("-");
  const reading = readDuration(negative ? text.slice(1) : text);
  if (!reading.ok) failAt(site.context, [...site.path, field], `a duration like "30s" or "-30s"`);
  return negative ? -reading.us : reading.us;
}
