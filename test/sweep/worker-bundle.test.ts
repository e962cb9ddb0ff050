// Sweep workers start from one esbuild bundle of the scenario and the simulator
// (sim/sweep/worker-bundle.ts), or, when no bundle can be made, through tsx like the main
// thread. Both must give every run the same row; the bundle must step aside for scenarios it
// cannot serve faithfully; and a scenario that fails as it loads must come back as a failed
// load, not as a worker that died without a word.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledWorker } from "../../sim/sweep/worker-bundle.ts";
import { WorkerFailure, WorkerPool } from "../../sim/sweep/worker-pool.ts";
import type { ToWorker } from "../../sim/sweep/worker-messages.ts";

const tiny = "test/sweep/tiny-scenario.ts";
const tsxEntry = new URL("../../sim/sweep/worker-entry.js", import.meta.url);
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-bundle-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the tiny scenario with `extra` added at the end. */
function variant(name: string, extra: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, fs.readFileSync(tiny, "utf8") + extra);
  return file;
}

async function cellsFrom(
  entry: URL,
  file: string,
  jobs: readonly ToWorker[],
  workers = 2,
): Promise<string[][]> {
  const pool = new WorkerPool(entry, { file, set: ["clients.writes=30/s"] }, workers);
  const cells: string[][] = [];
  await pool.run({ jobs, onResult: (job, row) => (cells[job] = row) });
  return cells;
}

const jobs: ToWorker[] = [1, 2, 3, 4].map((seed, index) => ({
  index,
  seed,
  overrides: index % 2 === 0 ? ["detector.timeout=2s"] : [],
}));

describe("the bundled sweep worker", () => {
  it("gives every run the same row as a worker started through tsx", async () => {
    const bundle = await bundledWorker(tiny);
    expect(bundle?.protocol).toBe("data:");
    const bundled = await cellsFrom(bundle!, tiny, jobs);
    const throughTsx = await cellsFrom(tsxEntry, tiny, jobs);
    expect(bundled).toHaveLength(4);
    expect(bundled).toEqual(throughTsx);
    // The overrides and seeds reach the runs: the rows are not all alike.
    expect(new Set(bundled.map((row) => row.join(","))).size).toBeGreaterThan(1);
  });

  it("is not made for a scenario that reads import.meta (it would see a data: URL) or does not compile", async () => {
    expect(
      await bundledWorker(variant("meta.ts", "\nexport const here = import.meta.url;\n")),
    ).toBeNull();
    expect(await bundledWorker(variant("broken.ts", "\nexport const = ;\n"))).toBeNull();
    expect(await bundledWorker(path.join(dir, "missing.ts"))).toBeNull();
  });

  it("reports a scenario that throws as it loads as a failed load (job -1) with the error's message", async () => {
    const file = variant("throws.ts", '\nthrow new RangeError("no cluster today");\n');
    const bundle = await bundledWorker(file);
    expect(bundle).not.toBeNull();
    const failure = await cellsFrom(bundle!, file, jobs, 1).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkerFailure);
    expect(failure).toMatchObject({
      job: -1,
      errorName: "RangeError",
      message: "no cluster today",
    });
  });
});
