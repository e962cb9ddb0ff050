// The names of the invariants `sim fuzz` checks, alone in a file without imports so that the CLI
// can list them (`sim fuzz --help`) without loading the simulator. invariants.ts holds what each
// one means, as a registry typed by these names, so the two cannot drift apart.
export const invariantNames = [
  "no-lost-acked-writes",
  "single-writable-primary",
  "recovers-after-faults",
  "expect",
] as const;

export type InvariantName = (typeof invariantNames)[number];

export function isInvariantName(name: string): name is InvariantName {
  return (invariantNames as readonly string[]).includes(name);
}
