// `sim check --junit FILE`: the check as JUnit XML, the format CI systems (GitHub Actions
// reporters, GitLab, Jenkins, Azure) read. One <testsuite> per scenario (named after it, with
// its file and seeds), one <testcase> per expectation, a <failure> carrying the message for each
// expectation not met; a scenario without expectations is one skipped test case. No `time`
// attributes: wall-clock values never enter an output, so the same check writes the same bytes.
// A check that could not start (bad input) is still a report: failureJunit gives one failing
// test case per problem, named after its file (or "sim check" for a bad flag).
import type { ScenarioCheck } from "./check-scenario.ts";
import { countChecks } from "./counts.ts";

export function checkJunit(checks: readonly ScenarioCheck[]): string {
  const counts = countChecks(checks);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="sim check" tests="${counts.expectations + counts.withoutExpectations}" failures="${counts.failed}" errors="0" skipped="${counts.withoutExpectations}">`,
  ];
  for (const check of checks) lines.push(...suite(check));
  lines.push(`</testsuites>`);
  return `${lines.join("\n")}\n`;
}

/** A problem that stopped the check before anything ran, located where it can be. */
export interface CheckProblem {
  message: string;
  file: string | null;
  field: string | null;
}

export function failureJunit(kind: string, problems: readonly CheckProblem[]): string {
  const count = problems.length;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="sim check" tests="${count}" failures="${count}" errors="0" skipped="0">`,
    `  <testsuite name="sim check: bad input, nothing was run" tests="${count}" failures="${count}" errors="0" skipped="0">`,
  ];
  for (const problem of problems) {
    const name = attribute(problem.file ?? "sim check");
    const file = problem.file === null ? "" : ` file="${name}"`;
    const where = problem.field === null ? "" : ` (${problem.field})`;
    lines.push(
      `    <testcase name="${name}${attribute(where)}" classname="sim check"${file}>`,
      `      <failure message="${attribute(problem.message)}" type="${attribute(kind)}">${text(problem.message)}</failure>`,
      `    </testcase>`,
    );
  }
  lines.push(`  </testsuite>`, `</testsuites>`);
  return `${lines.join("\n")}\n`;
}

function suite(check: ScenarioCheck): string[] {
  const name = attribute(check.name);
  const file = attribute(check.file);
  const open = (tests: number, failures: number, skipped: number) =>
    `  <testsuite name="${name}" file="${file}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`;
  if (check.status === "no expectations") {
    return [
      open(1, 0, 1),
      `    <testcase name="no expectations" classname="${name}" file="${file}">`,
      `      <skipped message="the scenario has no expect; it was not run"/>`,
      `    </testcase>`,
      `  </testsuite>`,
    ];
  }
  const failures = check.verdicts.filter((verdict) => !verdict.passed).length;
  const lines = [
    open(check.verdicts.length, failures, 0),
    `    <properties>`,
    `      <property name="seeds" value="${attribute(check.seeds.join(","))}"/>`,
    `    </properties>`,
  ];
  for (const verdict of check.verdicts) {
    const testcase = `    <testcase name="${attribute(verdict.expectation)}" classname="${name}" file="${file}"`;
    if (verdict.passed) {
      lines.push(
        `${testcase}>`,
        `      <system-out>${text(`observed: ${verdict.observed}`)}</system-out>`,
        `    </testcase>`,
      );
      continue;
    }
    lines.push(
      `${testcase}>`,
      `      <failure message="${attribute(verdict.message)}" type="expectation">${text(`observed: ${verdict.observed}\nfailing seeds: ${verdict.failingSeeds.join(", ")}`)}</failure>`,
      `    </testcase>`,
    );
  }
  lines.push(`  </testsuite>`);
  return lines;
}

// Characters XML 1.0 cannot hold at all (C0 controls but tab and line breaks, U+FFFE/U+FFFF,
// unpaired surrogates) become U+FFFD; the five special characters become entities.
const notXml =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content of an element. */
export function text(value: string): string {
  return value
    .replace(notXml, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** A double-quoted attribute value; line breaks and tabs kept as character references. */
export function attribute(value: string): string {
  return text(value)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}
