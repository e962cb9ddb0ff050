// sweep.json, the identity card of a sweep output: what was run — scenario name, a hash of the
// resolved scenario (after --set, with every default filled in, so a changed scenario file or
// default is noticed), the --set overrides, the varied paths and values, the seeds — and which
// shard of it this folder holds. `sim merge` accepts only folders whose manifests agree on
// everything but the shard index, and `--resume` only a partial sweep with the same manifest.
// Worker count and wall-clock times are not in it: they never change the results.
import { createHash } from "node:crypto";
import { applyOverrides, resolveScenario } from "../scenario/index.ts";
import type { Grid } from "./grid.ts";
import type { Shard } from "./shard.ts";
import type { Vary } from "./vary.ts";

export const manifestFormat = "failover-sim sweep 1";

export interface Manifest {
  format: string;
  scenario: string;
  summary: string;
  config_hash: string;
  set: string[];
  vary: Vary[];
  seeds: number[];
  shard: Shard;
}

export interface ManifestInput {
  raw: unknown;
  file: string;
  set: readonly string[];
  grid: Grid;
  shard: Shard;
}

export function buildManifest({ raw, file, set, grid, shard }: ManifestInput): Manifest {
  const resolved = resolveScenario(applyOverrides(raw, set, file), { file });
  return {
    format: manifestFormat,
    scenario: resolved.name,
    summary: resolved.summary,
    config_hash: hashOf(resolved.world),
    set: [...set],
    vary: grid.varies.map((vary) => ({ path: vary.path, values: [...vary.values] })),
    seeds: [...grid.seeds],
    shard: { index: shard.index, count: shard.count },
  };
}

export function manifestJson(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** True when two manifests describe the same sweep, whatever shard each holds. */
export function sameSweep(a: Manifest, b: Manifest): boolean {
  return canonical({ ...a, shard: null }) === canonical({ ...b, shard: null });
}

/** The field that differs first, for messages: "seeds", "vary", … */
export function firstDifference(a: Manifest, b: Manifest): string | undefined {
  const keys: (keyof Manifest)[] = [
    "format",
    "scenario",
    "summary",
    "config_hash",
    "set",
    "vary",
    "seeds",
    "shard",
  ];
  return keys.find((key) => canonical(a[key]) !== canonical(b[key]));
}

/** Reads sweep.json text; undefined when it is not a manifest of this format. */
export function parseManifest(text: string): Manifest | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const m = data as Partial<Manifest> | null;
  const isShard = (s: unknown) =>
    s !== null &&
    typeof s === "object" &&
    Number.isSafeInteger((s as Shard).index) &&
    Number.isSafeInteger((s as Shard).count);
  const isVary = (v: unknown) =>
    v !== null &&
    typeof v === "object" &&
    typeof (v as Vary).path === "string" &&
    Array.isArray((v as Vary).values);
  if (
    m === null ||
    typeof m !== "object" ||
    m.format !== manifestFormat ||
    typeof m.scenario !== "string" ||
    typeof m.summary !== "string" ||
    typeof m.config_hash !== "string" ||
    !Array.isArray(m.set) ||
    !Array.isArray(m.vary) ||
    !m.vary.every(isVary) ||
    !Array.isArray(m.seeds) ||
    !m.seeds.every(Number.isSafeInteger) ||
    !isShard(m.shard)
  ) {
    return undefined;
  }
  return m as Manifest;
}

/** A short hash of plain data: SHA-256 of its canonical JSON (keys sorted), 16 hex digits. */
export function hashOf(value: unknown): string {
  return createHash("sha256").update(canonical(value)).digest("hex").slice(0, 16);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) => {
    if (inner instanceof Map)
      return Object.fromEntries([...inner].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)));
    if (inner instanceof Set) return [...inner];
    if (inner === null || typeof inner !== "object" || Array.isArray(inner)) return inner;
    return Object.fromEntries(
      Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}
