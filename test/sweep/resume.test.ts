// Resuming, in process: a sweep stopped after k runs keeps exactly those k in its partial file;
// --resume runs only the others and ends with the rows a sweep run in one go gives.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../sim/scenario/index.ts";
import {
  buildGrid,
  buildManifest,
  jobCount,
  parseVary,
  partialFileOf,
  runsCsv,
  runSweep,
  seedRange,
  wholeSweep,
  type SweepPlan,
} from "../../sim/sweep/index.ts";

const file = "test/sweep/tiny-scenario.ts";
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sim-resume-"));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function plan(outDir: string, resume: boolean): Promise<SweepPlan> {
  const raw = await loadScenarioFile(file);
  const grid = buildGrid([parseVary("detector.timeout=1s..4s/1s", file)], seedRange(5));
  const manifest = buildManifest({ raw, file, set: [], grid, shard: wholeSweep });
  return {
    file,
    set: [],
    grid,
    shard: wholeSweep,
    manifest,
    outDir,
    partialFile: partialFileOf(outDir),
    workers: 2,
    resume,
  };
}

describe("--resume", () => {
  it("skips the finished runs and gives the same rows", async () => {
    const dir = path.join(tmp, "resumed");
    const first = await plan(dir, false);
    const stopAfter = 7;
    const controller = new AbortController();
    let ran = 0;
    const interrupted = await runSweep(first, {
      onRun: () => {
        if (++ran === stopAfter) controller.abort();
      },
      signal: controller.signal,
    });
    expect(interrupted.status).toBe("interrupted");
    expect(interrupted.rows).toHaveLength(stopAfter);
    const partialLines = fs.readFileSync(interrupted.partial.file, "utf8").trimEnd().split("\n");
    expect(partialLines).toHaveLength(1 + stopAfter); // the manifest, then one line per run

    // A line cut short by a kill mid-write is ignored.
    fs.appendFileSync(interrupted.partial.file, '{"job":3,"po');
    const second = await plan(dir, true);
    let started: [number, number] | undefined;
    let rerun = 0;
    const resumed = await runSweep(second, {
      onStart: (total, kept) => (started = [total, kept]),
      onRun: () => rerun++,
    });
    expect(resumed.status).toBe("done");
    expect(resumed.kept).toBe(stopAfter);
    expect(started).toEqual([jobCount(second.grid), stopAfter]);
    expect(rerun).toBe(jobCount(second.grid) - stopAfter);
    resumed.partial.remove();

    const fresh = await runSweep(await plan(path.join(tmp, "fresh"), false));
    fresh.partial.remove();
    expect(await runsCsv(second.grid, resumed.rows)).toBe(await runsCsv(second.grid, fresh.rows));
  });
});
