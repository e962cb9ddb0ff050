// The benchmark's rows: each figure printed as it is measured and kept for bench.csv, with its
// target (if it has one) and whether it was met. Medians, and the load average beside each section.
import * as fs from "node:fs";
import * as os from "node:os";

export interface Row {
  section: string;
  metric: string;
  value: number;
  unit: string;
  /** e.g. ">= 0.8"; empty when the figure has no target. */
  target: string;
  met: boolean | null;
}

export interface Target {
  atLeast?: number;
  atMost?: number;
}

export const rows: Row[] = [];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function record(
  section: string,
  metric: string,
  value: number,
  unit: string,
  target?: Target,
): void {
  let text = "";
  let met: boolean | null = null;
  if (target?.atLeast !== undefined) {
    text = `>= ${target.atLeast}`;
    met = value >= target.atLeast;
  } else if (target?.atMost !== undefined) {
    text = `<= ${target.atMost}`;
    met = value <= target.atMost;
  }
  rows.push({ section, metric, value, unit, target: text, met });
  const shown = formatValue(value, unit);
  console.log(
    `  ${metric.padEnd(56)} ${shown.padStart(14)} ${unit.padEnd(12)} ${text.padEnd(8)} ${met === null ? "" : met ? "ok" : "MISSED"}`,
  );
}

function formatValue(value: number, unit: string): string {
  if (unit === "ratio" || unit === "x") return value.toFixed(3);
  if (unit === "s") return value.toFixed(value < 10 ? 3 : 1);
  if (Math.abs(value) >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  return value.toFixed(value < 100 ? 2 : 0);
}

/** Runs a section between two readings of the load average: other work on the machine (a
 *  load above ~0.2 before a section starts) makes its figures pessimistic, so it is on record. */
export async function section(name: string, run: () => void | Promise<void>): Promise<void> {
  const before = os.loadavg()[0];
  await run();
  console.log(`  (1-min load average before this section: ${before.toFixed(2)})`);
  rows.push({
    section: name,
    metric: "1-min load average before the section",
    value: before,
    unit: "load",
    target: "",
    met: null,
  });
}

/** Writes bench.csv and prints how many targets were met. */
export function writeCsv(file: string): void {
  const csv = [
    "section,metric,value,unit,target,met",
    ...rows.map((row) =>
      [
        row.section,
        row.metric,
        String(row.value),
        row.unit,
        row.target,
        row.met === null ? "" : String(row.met),
      ].join(","),
    ),
  ].join("\n");
  fs.writeFileSync(file, `${csv}\n`);
  const judged = rows.filter((row) => row.met !== null);
  const missed = judged.filter((row) => row.met === false);
  console.log(
    `\n${judged.length - missed.length} of ${judged.length} targets met; written ${file}`,
  );
}
