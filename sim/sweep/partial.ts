// The partial file of a sweep in progress, beside the output folder (`reports/.x-sweep.sim-partial.jsonl`
// for reports/x-sweep, report/output/siblings.ts), so the folder itself holds the previous report
// untouched until the new one replaces it: what makes an interrupted sweep resumable. Line 1 is the sweep's manifest; then one line per
// finished run, `{"job":…,"point":…,"seed":…,"cells":[…]}`, appended with a synchronous write as
// soon as the run's result arrives — so a Ctrl-C, a kill or a crash loses at most the runs in
// flight. A line cut short by a kill mid-write is ignored on resume. The finished sweep writes
// its real files atomically and then deletes this one.
// One sweep at a time writes a given output folder: its lock (report/output/folder-lock.ts).
import * as fs from "node:fs";
import { partialPath, targetOf } from "../report/index.ts";
import { metricColumns } from "../scenario/index.ts";
import { jobAt, type Grid } from "./grid.ts";
import { firstDifference, parseManifest, sameSweep, type Manifest } from "./manifest.ts";
import type { SweepRow } from "./runs-table.ts";
import { shardText } from "./shard.ts";
import { SweepError } from "./sweep-error.ts";

/** Where the partial file of the sweep writing `outDir` goes. */
export function partialFileOf(outDir: string): string {
  return partialPath(targetOf(outDir));
}

export class PartialRuns {
  private constructor(
    readonly file: string,
    private fd: number | null,
    private readonly grid: Grid,
  ) {}

  /** Starts a new partial file (replacing any earlier one); reports whether one was replaced. */
  static start(
    file: string,
    manifest: Manifest,
    grid: Grid,
  ): { partial: PartialRuns; replaced: boolean } {
    const replaced = fs.existsSync(file);
    const fd = openFile(file, "w");
    fs.writeSync(fd, `${JSON.stringify({ manifest })}\n`);
    return { partial: new PartialRuns(file, fd, grid), replaced };
  }

  /** Continues the partial file of the same sweep; its finished rows are returned. */
  static resume(
    file: string,
    manifest: Manifest,
    grid: Grid,
  ): { partial: PartialRuns; rows: SweepRow[] } | undefined {
    if (!fs.existsSync(file)) return undefined;
    const lines = fs.readFileSync(file, "utf8").split("\n");
    const found = parseManifest(JSON.stringify(parseLine(lines[0])?.manifest ?? null));
    if (found === undefined)
      throw new SweepError(
        `${file} is not a partial sweep of this version of sim; run the sweep without --resume to start over.`,
      );
    if (
      !sameSweep(found, manifest) ||
      found.shard.index !== manifest.shard.index ||
      found.shard.count !== manifest.shard.count
    ) {
      const field = firstDifference(found, manifest) ?? "shard";
      const shard = field === "shard" ? ` (it is shard ${shardText(found.shard)})` : "";
      throw new SweepError(
        `${file} belongs to a different sweep: its ${field} differs from this one's${shard}. Run the same command as before with --resume, or this one without --resume to start over.`,
      );
    }
    const rows = new Map<number, SweepRow>();
    for (const line of lines.slice(1)) {
      const entry = parseLine(line);
      if (entry === undefined || !isRow(entry, grid)) continue; // a line cut short by an interruption
      rows.set(entry.job, { job: entry.job, cells: entry.cells });
    }
    // Rewrite the file without any cut line, so appending continues on a clean line.
    const fd = openFile(file, "w");
    fs.writeSync(fd, `${JSON.stringify({ manifest })}\n`);
    const partial = new PartialRuns(file, fd, grid);
    for (const row of rows.values()) partial.append(row);
    return { partial, rows: [...rows.values()] };
  }

  append(row: SweepRow): void {
    if (this.fd === null) throw new Error("the partial file is closed");
    const { point, seed } = jobAt(this.grid, row.job);
    fs.writeSync(this.fd, `${JSON.stringify({ job: row.job, point, seed, cells: row.cells })}\n`);
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  /** Closes and deletes the file: the sweep's real files are written. */
  remove(): void {
    this.close();
    fs.rmSync(this.file, { force: true });
  }
}

function openFile(file: string, flags: string): number {
  try {
    return fs.openSync(file, flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SweepError(
      `Cannot write the sweep's partial file ${file}: ${reason}. Choose another folder with --out.`,
    );
  }
}

function parseLine(line: string | undefined): Record<string, unknown> | undefined {
  if (line === undefined || line.trim() === "") return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === "object"
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function isRow(
  entry: Record<string, unknown>,
  grid: Grid,
): entry is { job: number; cells: string[] } {
  const { job, point, seed, cells } = entry;
  if (
    typeof job !== "number" ||
    !Number.isSafeInteger(job) ||
    job < 0 ||
    job >= grid.points.length * grid.seeds.length
  )
    return false;
  const expected = jobAt(grid, job);
  return (
    point === expected.point &&
    seed === expected.seed &&
    Array.isArray(cells) &&
    cells.length === metricColumns.length &&
    cells.every((cell) => typeof cell === "string")
  );
}
