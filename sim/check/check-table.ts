// The table `sim check` prints: one row per expectation (scenario, expectation, observed,
// result), a scenario without expectations as one row saying so, the reason under each failed
// row, and a closing line with the tallies. Columns are padded to their widest cell; an observed
// text longer than a screen's share is cut (the full text is in the reason line and in --json).
import type { ScenarioCheck } from "./check-scenario.ts";
import { countChecks, seedsText } from "./counts.ts";

const maxObservedChars = 48;
const header = ["scenario", "expectation", "observed", "result"] as const;

export function checkTable(
  checks: readonly ScenarioCheck[],
  seeds: readonly number[] | null,
): string {
  const rows: { cells: string[]; reason?: string }[] = [];
  for (const check of checks) {
    if (check.status === "no expectations") {
      rows.push({ cells: [check.name, "(no expectations: not run)", "", "-"] });
      continue;
    }
    for (const verdict of check.verdicts) {
      const cells = [
        check.name,
        verdict.expectation,
        shorten(verdict.observed),
        verdict.passed ? "pass" : "FAIL",
      ];
      rows.push(verdict.passed ? { cells } : { cells, reason: verdict.message });
    }
  }
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map(({ cells }) => cells[column].length)),
  );
  const line = (cells: readonly string[]) =>
    `${cells.map((cell, column) => (column < cells.length - 1 ? cell.padEnd(widths[column]) : cell)).join("  ")}\n`;
  let text = line(header);
  for (const { cells, reason } of rows) {
    text += line(cells);
    if (reason !== undefined) text += `${" ".repeat(widths[0] + 2)}↳ ${reason}\n`;
  }
  return text + closingLine(checks, seeds);
}

function closingLine(checks: readonly ScenarioCheck[], seeds: readonly number[] | null): string {
  const counts = countChecks(checks);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const without =
    counts.withoutExpectations > 0 ? ` (${counts.withoutExpectations} without expectations)` : "";
  const verdict = counts.failed > 0 ? `${counts.failed} FAILED` : "all passed";
  return `${plural(counts.scenarios, "scenario")}${without} · ${plural(counts.expectations, "expectation")} · ${plural(counts.runs, "run")} (${seedsText(seeds)}) · ${verdict}\n`;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, " ");
  return oneLine.length <= maxObservedChars
    ? oneLine
    : `${oneLine.slice(0, maxObservedChars - 1)}…`;
}
