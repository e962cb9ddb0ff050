// The reproducer of a swarm failure: a self-contained scenario file — the shrunk configuration
// written out in full (the swarm drew it; no other file holds it), its simulation seed, the shrunk
// faults and, where a metric bound expresses the broken promise, that bound as `expect` so that
// `sim run` exits 1 on it. A header says what broke, how it was found and how to run it.
import { scheduleEntries } from "../episode.ts";
import { buildersOf, scheduledFaultSource } from "../fault-source.ts";
import { wrap } from "../reproducer.ts";
import type { ScenarioData } from "./draw-configuration.ts";
import { promises } from "./promises.ts";
import type { Breach, SwarmCase } from "./swarm-case.ts";

export interface SwarmReproducerInput {
  swarmCase: SwarmCase;
  breach: { name: Breach; detail: string };
  /** The fuzz command that found it, as a person would type it. */
  fuzzCommand: string;
  runCommand: string;
  /** Swarm run (1-based) and the schedule's fault lines before and after shrinking. */
  run: number;
  drawnFaults: number;
  shrinkRuns: number;
  exhausted: boolean;
}

const what: Record<Breach, string> = {
  "internal-error": "the simulator fails with an internal error",
  consistency: "its metrics disagree with its own trace",
  "no-lost-acked-writes": `it breaks its promise no-lost-acked-writes (${promises["no-lost-acked-writes"].holds})`,
  "single-writable-primary": `it breaks its promise single-writable-primary (${promises["single-writable-primary"].holds})`,
  "recovers-after-faults": `it breaks its promise recovers-after-faults (${promises["recovers-after-faults"].holds})`,
};

export function swarmReproducerSource(input: SwarmReproducerInput): string {
  const { swarmCase, breach } = input;
  const entries = scheduleEntries(swarmCase.schedule);
  const expectSource =
    breach.name === "internal-error" || breach.name === "consistency"
      ? null
      : promises[breach.name].expectSource;
  const { name: _name, summary: _summary, ...configuration } = swarmCase.scenario;
  const faultsSource =
    entries.length === 0
      ? "[]"
      : `[\n${entries.map((entry) => `    ${scheduledFaultSource(entry)},`).join("\n")}\n  ]`;
  const header = [
    `A configuration drawn by the swarm fuzzer, where ${what[breach.name]}.`,
    "",
    `Found by: ${input.fuzzCommand}`,
    `Swarm run ${input.run} drew ${lines(input.drawnFaults)}; shrinking (${input.shrinkRuns} runs) left this configuration and ${lines(entries.length)}${input.exhausted ? " (it stopped at its run limit: a smaller case may exist)" : ""}.`,
    `It showed: ${breach.detail}`,
    "",
    `Reproduce: ${input.runCommand}`,
  ];
  return [
    ...header.flatMap((line) =>
      line === "" ? ["//"] : wrap(line, 96).map((part) => `// ${part}`),
    ),
    `import { ${["defineScenario", ...buildersOf(entries)].sort().join(", ")} } from "failover-sim";`,
    "",
    "export default defineScenario({",
    `  name: ${JSON.stringify(`swarm-${breach.name}`)},`,
    `  summary: ${JSON.stringify(`Shrunk by sim fuzz --swarm: ${what[breach.name]}.`)},`,
    ...Object.entries(configuration as ScenarioData).map(
      ([key, value]) => `  ${key}: ${literal(value, "  ")},`,
    ),
    `  seed: ${swarmCase.seed},`,
    `  faults: ${faultsSource},`,
    ...(expectSource === null ? [] : [`  expect: ${expectSource},`]),
    "});",
    "",
  ].join("\n");
}

function lines(count: number): string {
  return `${count} fault line${count === 1 ? "" : "s"}`;
}

/** A value as TypeScript source: objects with bare keys where they are identifiers. */
export function literal(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    const items = value.map((item) => literal(item, `${indent}  `));
    return items.join(", ").length < 80
      ? `[${items.join(", ")}]`
      : `[\n${items.map((item) => `${indent}  ${item},`).join("\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const fields = Object.entries(value).map(
      ([key, child]) =>
        `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${literal(child, `${indent}  `)}`,
    );
    if (fields.length === 0) return "{}";
    const flat = `{ ${fields.join(", ")} }`;
    return flat.length + indent.length < 96 && !flat.includes("\n")
      ? flat
      : `{\n${fields.map((field) => `${indent}  ${field},`).join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
