// The validation runner: runs the cases of test/validation/cases at a size ("short" inside
// `npm test`, "full" for `npm run validate`), prints for each check the model, the closed form,
// the expected value, the simulated mean, its standard error, the tolerance and the verdict, and
// returns the checks. As a program:
//
//   tsx test/validation/run.ts [--full] [--case ID]... [--set path=value]...
//
// exits 1 if any check fails. `--set` applies a scenario override to every run of the chosen
// cases but not to their closed forms — a deliberate break, to see that a case notices it
// (e.g. `--case async-lost-writes --set replication.lag=200ms`).
import { pathToFileURL } from "node:url";
import { activePassive } from "./cases/active-passive.ts";
import { asyncLostWrites } from "./cases/async-lost-writes.ts";
import { availabilityYearCase } from "./cases/availability-year.ts";
import { consecutiveDetection } from "./cases/consecutive-detection.ts";
import { singleNode } from "./cases/single-node.ts";
import type { Check, Size, ValidationCase } from "./check.ts";

export const cases: readonly ValidationCase[] = [
  singleNode,
  activePassive,
  asyncLostWrites,
  consecutiveDetection,
  availabilityYearCase,
];

export interface ValidationOptions {
  /** Case ids to run; all when empty. */
  only?: readonly string[];
  overrides?: readonly string[];
  /** Receives each case's lines as soon as it is done. */
  print?: (text: string) => void;
}

export function runValidation(size: Size, options: ValidationOptions = {}): Check[] {
  const { only = [], overrides = [], print = () => {} } = options;
  const unknown = only.filter((id) => !cases.some((validationCase) => validationCase.id === id));
  if (unknown.length > 0)
    throw new Error(
      `unknown case ${unknown.join(", ")}; cases: ${cases.map((c) => c.id).join(", ")}`,
    );
  const checks: Check[] = [];
  print(header(size, overrides));
  for (const validationCase of cases) {
    if (only.length > 0 && !only.includes(validationCase.id)) continue;
    const done = validationCase.run(size, { overrides });
    print(formatChecks(done));
    checks.push(...done);
  }
  const failed = checks.filter((check) => !check.pass).length;
  print(
    `${checks.length - failed} of ${checks.length} checks pass${failed > 0 ? `, ${failed} FAIL` : ""}.`,
  );
  return checks;
}

function header(size: Size, overrides: readonly string[]): string {
  const set =
    overrides.length > 0
      ? ` with ${overrides.map((o) => `--set ${o}`).join(" ")} (closed forms unchanged)`
      : "";
  return `validation (${size})${set}: simulated vs closed form; tolerance = ±k·SE, SE from the sample or from the closed form's own variance (theory)`;
}

const columns = [
  "quantity",
  "expected",
  "simulated",
  "SE",
  "tolerance",
  "sample",
  "verdict",
] as const;

/** One block per case: its model, each check's closed form, then a row per check. */
export function formatChecks(checks: readonly Check[]): string {
  const lines: string[] = [];
  const names = [...new Set(checks.map((check) => check.caseName))];
  for (const name of names) {
    const group = checks.filter((check) => check.caseName === name);
    lines.push(`${name} — ${group[0].model}`);
    for (const check of group) lines.push(`  ${check.quantity} = ${check.closedForm}`);
    const rows = [[...columns], ...group.map(row)];
    const widths = columns.map((_, i) => Math.max(...rows.map((cells) => cells[i].length)));
    for (const cells of rows)
      lines.push(
        "    " +
          cells
            .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
            .join("  "),
      );
  }
  return lines.join("\n");
}

function row(check: Check): string[] {
  const verdict = check.pass ? "pass" : "FAIL";
  if (check.kind === "bounds") {
    return [
      check.quantity,
      `[${num(check.lower)}, ${num(check.upper)})`,
      `${num(check.min)}..${num(check.max)}`,
      "—",
      "hard bounds",
      check.sample,
      verdict,
    ];
  }
  const se = `${num(check.se)}${check.seSource === "theory" ? " (theory)" : ""}`;
  return [
    check.quantity,
    num(check.expected),
    num(check.simulated),
    se,
    `±${num(check.sigmas * check.se)} (${check.sigmas} SE)`,
    check.sample,
    verdict,
  ];
}

/** Five significant digits, without exponent noise for ordinary magnitudes. */
function num(value: number): string {
  if (value === 0) return "0";
  const digits = Math.max(0, 4 - Math.floor(Math.log10(Math.abs(value))));
  return value.toFixed(Math.min(digits, 8));
}

function main(argv: readonly string[]): number {
  const only: string[] = [];
  const overrides: string[] = [];
  let size: Size = "short";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--full") size = "full";
    else if (arg === "--short") size = "short";
    else if (arg === "--case" && i + 1 < argv.length) only.push(argv[++i]);
    else if (arg === "--set" && i + 1 < argv.length) overrides.push(argv[++i]);
    else {
      process.stderr.write(
        `usage: tsx test/validation/run.ts [--full] [--case ID]... [--set path=value]...\nunknown argument: ${arg}\n`,
      );
      return 2;
    }
  }
  const checks = runValidation(size, {
    only,
    overrides,
    print: (text) => process.stdout.write(`${text}\n`),
  });
  return checks.every((check) => check.pass) ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
