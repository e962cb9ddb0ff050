// runs.csv, the tidy long table of a sweep: one row per (point, seed), columns = one per varied
// path (the path as header, the value as given), `seed`, then every metric of summary.csv in
// its order (metric-names.ts), formatted exactly as summary.csv formats them. Rows are in job
// order (point, then seed) whatever ran them. The same module reads the file back — for
// `sim merge` — checking that every row belongs to the sweep described by the grid.
import { parseString } from "fast-csv";
import { neutralCell, toCsv } from "../report/index.ts";
import { metricColumns } from "../scenario/index.ts";
import { jobAt, jobIndexOf, pointValues, type Grid } from "./grid.ts";
import { SweepError } from "./sweep-error.ts";

/** One finished run: its job number and its metric cells, formatted as in summary.csv. */
export interface SweepRow {
  job: number;
  cells: readonly string[];
}

export function runsHeader(grid: Grid): string[] {
  return [...grid.varies.map((vary) => vary.path), "seed", ...metricColumns];
}

/** A metric cell back as a number; the empty cell ("not applicable") as null. */
export function cellValue(cell: string): number | null {
  return cell === "" ? null : Number(cell);
}

/** runs.csv for rows in any order; they are written in job order. */
export function runsCsv(grid: Grid, rows: readonly SweepRow[]): Promise<string> {
  const sorted = sortRows(rows);
  return toCsv(
    runsHeader(grid),
    sorted.map((row) => {
      const job = jobAt(grid, row.job);
      return [...pointValues(grid, job.point), String(job.seed), ...row.cells];
    }),
  );
}

export function sortRows(rows: readonly SweepRow[]): SweepRow[] {
  return [...rows].sort((a, b) => a.job - b.job);
}

/** Parses runs.csv text written for `grid`; `source` names the file in error messages. */
export async function readRunsCsv(text: string, grid: Grid, source: string): Promise<SweepRow[]> {
  const table = await parseCsv(text, source);
  const expected = runsHeader(grid).map(neutralCell);
  const header = table[0] ?? [];
  if (header.join(",") !== expected.join(",")) {
    throw new SweepError(
      `${source}: expected the columns ${expected.join(",")}, found ${header.join(",") || "nothing"}; it was not written by this sweep.`,
    );
  }
  const pointOf = new Map(
    grid.points.map((_, point) => [
      pointValues(grid, point).map(neutralCell).join("\u0000"),
      point,
    ]),
  );
  const pathCount = grid.varies.length;
  return table.slice(1).map((cells, i) => {
    const line = i + 2;
    const point = pointOf.get(cells.slice(0, pathCount).join("\u0000"));
    const seed = Number(cells[pathCount]);
    const job = point === undefined ? undefined : jobIndexOf(grid, point, seed);
    if (cells.length !== expected.length || job === undefined) {
      throw new SweepError(
        `${source}: line ${line} is not a run of this sweep (values ${cells.slice(0, pathCount + 1).join(",")}).`,
      );
    }
    return { job, cells: cells.slice(pathCount + 1) };
  });
}

function parseCsv(text: string, source: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { headers: false })
      .on("error", (error) =>
        reject(new SweepError(`${source}: not a readable CSV file (${error.message}).`)),
      )
      .on("data", (row: string[]) => rows.push(row))
      .on("end", () => resolve(rows));
  });
}
