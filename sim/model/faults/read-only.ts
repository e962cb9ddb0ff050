// readOnly(node) / diskFull(node): the database node cannot commit (a read-only file system, a
// full disk) yet stays up and answers health checks; writable(node) / diskFreed(node) ends it.
// The fuzzer makes a database node read-only for the episode, then writable again.
import * as z from "zod";
import { strict } from "../../dsl/index.ts";
import { pick } from "./draws.ts";
import type { EpisodeShape, FaultKindModule } from "./fault-kind.ts";
import { dataNodeAt } from "./names.ts";
import { watched } from "./reach.ts";
import { faultName } from "./schemas.ts";
import { quoted } from "./words.ts";

export type ReadOnlySpec = { kind: "read-only"; node: string; writable: boolean };

/** The node cannot commit (read-only file system) but stays up; `writable` ends it. */
export function readOnly(node: string): ReadOnlySpec {
  return { kind: "read-only", node, writable: false };
}

export function writable(node: string): ReadOnlySpec {
  return { kind: "read-only", node, writable: true };
}

/** The node's disk is full: as readOnly; `diskFreed` ends it. */
export function diskFull(node: string): ReadOnlySpec {
  return readOnly(node);
}

export function diskFreed(node: string): ReadOnlySpec {
  return writable(node);
}

/** `writable` ends it. */
type ReadOnlyFault = { kind: "read-only"; node: string; writable: boolean };
type ReadOnlyEpisode = { kind: "read-only"; node: string };

const isReadOnly = (fault: { readonly kind: string } | undefined): fault is ReadOnlyFault =>
  fault?.kind === "read-only";

const schema = strict(
  { kind: z.literal("read-only"), node: faultName, writable: z.boolean() },
  "readOnly(node) or writable(node)",
);

const episode: EpisodeShape<ReadOnlyEpisode> = {
  offered: (space) => space.dataNodes.length > 0,
  draw: (rng, space) => ({ kind: "read-only", node: pick(rng, space.dataNodes) }),
  repairable: true,
  entries: ({ node }) => ({ start: readOnly(node), repair: writable(node) }),
  names: ({ node }) => [node],
};

const kind: FaultKindModule<
  ReadOnlyFault,
  ReadOnlySpec,
  z.output<typeof schema>,
  { "read-only": typeof episode }
> = {
  builders: ["readOnly()", "writable()", "diskFull()", "diskFreed()"],
  schema,
  resolve: (spec, site) => ({
    kind: "read-only",
    node: dataNodeAt(spec.node, "node", site),
    writable: spec.writable,
  }),
  apply: (fault, world) => world.dataNode(fault.node).setReadOnly(!fault.writable),
  label: (fault) =>
    fault.writable ? `${fault.node} writable again` : `${fault.node} cannot commit (read-only)`,
  node: (fault) => fault.node,
  explain: (fault) =>
    fault.writable
      ? `Repair: ${fault.node} can commit again.`
      : `Fault: ${fault.node} can no longer commit (read-only disk), yet stays up and answers health checks.`,
  startsOrStops: () => [],
  disruptive: (fault) => !fault.writable,
  reach: (fault, topology) => watched(topology, [fault.node]),
  repairedBy: (event, fault) =>
    event.kind === "fault" &&
    isReadOnly(event.fault) &&
    event.fault.node === fault.node &&
    event.fault.writable,
  knownEndUs: () => Infinity,
  source: (spec) => `${spec.writable ? "writable" : "readOnly"}(${quoted(spec.node)})`,
  episodes: { "read-only": episode },
};
export default kind;
