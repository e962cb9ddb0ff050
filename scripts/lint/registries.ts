// The project's registries, each with the interface its entries implement and, where the kinds'
// names are listed apart from the registry, that list: the tidy contract holds each one complete
// (registry-rules.ts). A registry declared as a const map or list in an index.ts of sim/ that is
// not listed here is reported too, so a new registry is checked from the day it is added.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { piecesOf, type RegistryCheck } from "./registry-rules.ts";
import { sourceFiles } from "./source-files.ts";
import { constRegistriesIn } from "./registry-rules.ts";
import type { Violation } from "./source-files.ts";

interface RegistrySource {
  /** The file that exports the registry, and the export. */
  readonly file: string;
  readonly name: string;
  /** The interface its entries implement: the file that declares it, and its name. */
  readonly entry?: { readonly file: string; readonly name: string };
  load(): Promise<{ value: unknown; names?: readonly string[] }>;
  readonly nameKey?: string;
  readonly selfName?: string;
  readonly entryProblems?: (name: string, entry: unknown) => string[];
}

/** A preset is a function making a whole policy labelled with its own name. */
function presetProblems(name: string, preset: unknown): string[] {
  if (typeof preset !== "function") return ["is not a function"];
  const policy = (preset as () => Record<string, unknown>)();
  const problems = policy.preset === name ? [] : [`labels its policy ${String(policy.preset)}`];
  for (const part of ["detector", "replication", "failover", "standby"]) {
    const value = policy[part];
    if (value !== undefined && Object.keys(value as object).length === 0)
      problems.push(`sets an empty ${part}`);
  }
  if (policy.detector === undefined) problems.push("sets no detector");
  return problems;
}

export const registrySources: readonly RegistrySource[] = [
  {
    file: "sim/model/faults/index.ts",
    name: "faults",
    entry: { file: "sim/model/faults/fault-kind.ts", name: "FaultKindModule" },
    load: async () => ({ value: (await import("../../sim/model/faults/index.ts")).faults }),
  },
  {
    file: "sim/model/detectors/index.ts",
    name: "detectors",
    entry: { file: "sim/model/detectors/detector-kind.ts", name: "DetectorKindModule" },
    load: async () => ({ value: (await import("../../sim/model/detectors/index.ts")).detectors }),
  },
  {
    file: "sim/model/fencing/index.ts",
    name: "fencingKinds",
    entry: { file: "sim/model/fencing/fencing-kind.ts", name: "FencingKindModule" },
    load: async () => ({ value: (await import("../../sim/model/fencing/index.ts")).fencingKinds }),
  },
  {
    file: "sim/model/failback/index.ts",
    name: "failbackKinds",
    entry: { file: "sim/model/failback/failback-kind.ts", name: "FailbackKindModule" },
    load: async () => ({
      value: (await import("../../sim/model/failback/index.ts")).failbackKinds,
    }),
  },
  {
    file: "sim/model/routing/index.ts",
    name: "routings",
    entry: { file: "sim/model/routing/routing-kind.ts", name: "RoutingKindModule" },
    load: async () => ({ value: (await import("../../sim/model/routing/index.ts")).routings }),
  },
  {
    file: "sim/metrics/columns/index.ts",
    name: "metrics",
    entry: { file: "sim/metrics/metric.ts", name: "Metric" },
    nameKey: "column",
    load: async () => ({
      value: (await import("../../sim/metrics/columns/index.ts")).metrics,
      names: (await import("../../sim/scenario/metric-names.ts")).metricColumns,
    }),
  },
  {
    file: "sim/report/charts/index.ts",
    name: "runChartKinds",
    entry: { file: "sim/report/charts/run-chart.ts", name: "RunChart" },
    selfName: "name",
    load: async () => ({
      value: (await import("../../sim/report/charts/index.ts")).runChartKinds,
    }),
  },
  {
    file: "sim/scenario/presets/index.ts",
    name: "presets",
    entryProblems: presetProblems,
    load: async () => ({ value: (await import("../../sim/scenario/presets/index.ts")).presets }),
  },
  {
    file: "sim/import/formats.ts",
    name: "formats",
    entry: { file: "sim/import/config-format.ts", name: "ConfigFormat" },
    load: async () => ({
      value: (await import("../../sim/import/formats.ts")).formats,
      names: (await import("../../sim/import/format-names.ts")).formatNames,
    }),
  },
  {
    file: "sim/fuzz/invariants.ts",
    name: "invariants",
    entry: { file: "sim/fuzz/invariants.ts", name: "Invariant" },
    load: async () => ({
      value: (await import("../../sim/fuzz/invariants.ts")).invariants,
      names: (await import("../../sim/fuzz/invariant-names.ts")).invariantNames,
    }),
  },
];

/** Each registry of the project loaded, with the pieces its entries must have. */
export async function registryChecks(root: string): Promise<RegistryCheck[]> {
  return Promise.all(
    registrySources.map(async (source) => {
      const { value, names } = await source.load();
      const entry = source.entry;
      return {
        file: source.file,
        name: source.name,
        value,
        names,
        nameKey: source.nameKey,
        selfName: source.selfName,
        entryProblems: source.entryProblems,
        pieces:
          entry === undefined
            ? []
            : piecesOf(readFileSync(join(root, entry.file), "utf8"), entry.name),
      };
    }),
  );
}

/** Const maps and lists exported by an index.ts of sim/ that are not in registrySources. */
export function unlistedRegistries(root: string): Violation[] {
  const listed = new Set(registrySources.map((source) => `${source.file}#${source.name}`));
  return sourceFiles(root, "sim")
    .filter((file) => file.endsWith("/index.ts"))
    .flatMap((file) =>
      constRegistriesIn(readFileSync(join(root, file), "utf8"))
        .filter((name) => !listed.has(`${file}#${name}`))
        .map((name) => ({
          rule: "registry",
          file,
          line: 0,
          message: `${name} is a const registry the tidy contract does not check (scripts/lint/registries.ts)`,
        })),
    );
}
