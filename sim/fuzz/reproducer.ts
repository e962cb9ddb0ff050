// The reproducer of a fuzz failure: a scenario file a person reads and `sim run`s. It imports the
// fuzzed scenario by a relative path, keeps its cluster and policy, and sets its own name,
// summary, simulation seed and the shrunk `faults` (dropping the scenario's faults and chaos).
// For an invariant that is a metric bound (no lost writes, no split brain) it also sets `expect`
// to that bound, so `sim run` exits 1 on it; otherwise the scenario's own expectations stay.
// A header comment says which invariant breaks, how it was found and what the shrunk run showed.
// Pure text: the CLI decides where it goes.
import { scheduleEntries } from "./episode.ts";
import { buildersOf, scheduledFaultSource } from "./fault-source.ts";
import type { InvariantName } from "./invariant-names.ts";
import { invariants } from "./invariants.ts";
import type { FuzzFailure } from "./run-fuzz.ts";
import { faultCount } from "./schedule-size.ts";

export interface ReproducerInput {
  /** The fuzzed scenario's name (the reproducer's is derived from it). */
  scenario: string;
  invariant: InvariantName;
  failure: FuzzFailure;
  /** Module specifier of the fuzzed scenario from the reproducer's folder, e.g. "../../scenarios/x.ts". */
  scenarioImport: string;
  /** The fuzz command line that found it, as a person would type it. */
  fuzzCommand: string;
  /** The command that runs the reproducer. */
  runCommand: string;
}

/** The reproducer's scenario name: "<scenario>-fuzz-<invariant>". */
export function reproducerName(scenario: string, invariant: InvariantName): string {
  return `${scenario}-fuzz-${invariant}`;
}

export function reproducerSource(input: ReproducerInput): string {
  const { scenario, invariant, failure } = input;
  const entries = scheduleEntries(failure.shrunk);
  const { expectSource } = invariants[invariant];
  const faults = faultCount(failure.shrunk);
  const replaced =
    expectSource === null ? "faults and chaos are" : "faults, chaos and expectations are";
  const omitted = [
    "faults: _faults",
    "chaos: _chaos",
    ...(expectSource === null ? [] : ["expect: _expect"]),
  ].join(", ");
  return [
    ...header(input, faults),
    `import { ${["defineScenario", ...buildersOf(entries)].sort().join(", ")} } from "failover-sim";`,
    `import fuzzed from ${JSON.stringify(input.scenarioImport)};`,
    "",
    `// The fuzzed scenario's cluster and policy; its own ${replaced} replaced.`,
    `const { ${omitted}, ...cluster } = fuzzed;`,
    "",
    "export default defineScenario({",
    "  ...cluster,",
    `  name: ${JSON.stringify(reproducerName(scenario, invariant))},`,
    `  summary: ${JSON.stringify(`Shrunk by sim fuzz: ${plural(faults, "fault")} that ${faults === 1 ? "breaks" : "break"} ${invariant}.`)},`,
    `  seed: ${failure.seed},`,
    entries.length === 0
      ? "  faults: [],"
      : `  faults: [\n${entries.map((entry) => `    ${scheduledFaultSource(entry)},`).join("\n")}\n  ],`,
    ...(expectSource === null ? [] : [`  expect: ${expectSource},`]),
    "});",
    "",
  ].join("\n");
}

function header(input: ReproducerInput, faults: number): string[] {
  const { scenario, invariant, failure } = input;
  const { summary, shownBy } = invariants[invariant];
  const drawn = faultCount(failure.drawn);
  const ending = failure.exhausted
    ? `shrinking stopped at its limit of ${failure.shrinkRuns} runs, so a smaller schedule may exist.`
    : `no fault can be dropped, ${invariants[invariant].needsRepairs ? "" : "unrepaired, "}shortened or moved earlier by one more step and still break it.`;
  // Commands stay whole on one line, to be copied; the prose is wrapped.
  const prose = (text: string) => wrap(text, 96);
  const lines = [
    ...prose(`${scenario} breaks the invariant ${invariant} (${summary}).`),
    "",
    `Found by: ${input.fuzzCommand}`,
    ...prose(
      `Run ${failure.run} (simulation seed ${failure.seed}) drew ${plural(drawn, "fault")}; shrinking (${plural(failure.shrinkRuns, "run")}) left ${faults}: ${ending}`,
    ),
    ...prose(`The shrunk run showed: ${failure.shrunkOutcome.verdict.detail}.`),
    "",
    `Reproduce: ${input.runCommand}`,
    ...prose(shownBy),
  ];
  return lines.map((line) => (line === "" ? "//" : `// ${line}`));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Splits a line at spaces so that none is longer than `width` (a longer word stays whole). */
export function wrap(line: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current !== "" && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === "" ? word : `${current} ${word}`;
    }
  }
  lines.push(current);
  return lines;
}
