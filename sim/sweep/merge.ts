// `sim merge`: the output folders of the N shards of one sweep joined into the rows of the whole
// sweep, after checking that they fit together: every folder holds a finished shard (sweep.json
// and runs.csv), all manifests describe the same sweep (scenario, its hash, --set, --vary,
// seeds), the shard counts agree, each shard index appears once and none is missing, and each
// runs.csv holds exactly its shard's runs. Anything else is a SweepError (exit 2) saying which
// folder and what to do. The caller writes the files with sweep-files.ts, as the sweep would.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { buildGrid, jobCount, type Grid } from "./grid.ts";
import { firstDifference, parseManifest, sameSweep, type Manifest } from "./manifest.ts";
import { partialPath, targetOf } from "../report/index.ts";
import { readRunsCsv, type SweepRow } from "./runs-table.ts";
import { inShard, shardJobs, shardText, wholeSweep } from "./shard.ts";
import { SweepError } from "./sweep-error.ts";

export interface MergedSweep {
  /** The manifest of the whole sweep (shard 1/1). */
  manifest: Manifest;
  grid: Grid;
  rows: SweepRow[];
}

export async function mergeShards(dirs: readonly string[]): Promise<MergedSweep> {
  if (dirs.length === 0)
    throw new SweepError(
      "sim merge needs the output folders of the shards, e.g. sim merge out-1 out-2 out-3 --out merged.",
    );
  const shards = await Promise.all(
    dirs.map(async (dir) => ({ dir, manifest: await readManifest(dir) })),
  );
  const [first] = shards;
  for (const shard of shards.slice(1)) {
    if (!sameSweep(first.manifest, shard.manifest)) {
      const field = firstDifference(first.manifest, shard.manifest) ?? "manifest";
      throw new SweepError(
        `${shard.dir} and ${first.dir} are not shards of the same sweep: their ${field} differs (see sweep.json in each).`,
      );
    }
    if (shard.manifest.shard.count !== first.manifest.shard.count) {
      throw new SweepError(
        `${first.dir} is shard ${shardText(first.manifest.shard)} but ${shard.dir} is shard ${shardText(shard.manifest.shard)}: all shards must come from one split (the same N).`,
      );
    }
  }
  const count = first.manifest.shard.count;
  const byIndex = new Map<number, string>();
  for (const { dir, manifest } of shards) {
    const other = byIndex.get(manifest.shard.index);
    if (other !== undefined)
      throw new SweepError(
        `Overlapping shards: ${other} and ${dir} are both shard ${shardText(manifest.shard)}; give each shard once.`,
      );
    byIndex.set(manifest.shard.index, dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter(
    (index) => !byIndex.has(index),
  );
  if (missing.length > 0) {
    const names = missing
      .slice(0, 10)
      .map((index) => `${index}/${count}`)
      .join(", ");
    throw new SweepError(
      `Missing shard${missing.length === 1 ? "" : "s"} ${names}${missing.length > 10 ? ", …" : ""} of ${count}: give the folder of every shard.`,
    );
  }

  const grid = buildGrid(first.manifest.vary, first.manifest.seeds);
  const rows: SweepRow[] = [];
  for (const { dir, manifest } of shards) rows.push(...(await readShardRows(dir, manifest, grid)));
  return { manifest: { ...first.manifest, shard: wholeSweep }, grid, rows };
}

async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, "sweep.json");
  const text = await fs.readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) {
    const unfinished = await fs.stat(partialPath(targetOf(dir))).then(
      () => true,
      () => false,
    );
    if (unfinished)
      throw new SweepError(
        `${dir} holds an unfinished sweep: finish it by running its command again with --resume, then merge.`,
      );
    throw new SweepError(
      `${dir}: no sweep.json — not the output folder of a finished sim sweep (is the path right?).`,
    );
  }
  const manifest = parseManifest(text);
  if (manifest === undefined)
    throw new SweepError(`${file} is not a sweep manifest of this version of sim.`);
  return manifest;
}

async function readShardRows(dir: string, manifest: Manifest, grid: Grid): Promise<SweepRow[]> {
  const file = path.join(dir, "runs.csv");
  const text = await fs.readFile(file, "utf8").catch(() => undefined);
  if (text === undefined)
    throw new SweepError(`${dir} has a sweep.json but no runs.csv; run its shard again.`);
  const rows = await readRunsCsv(text, grid, file);
  const seen = new Set<number>();
  for (const row of rows) {
    if (!inShard(row.job, manifest.shard) || seen.has(row.job)) {
      throw new SweepError(
        `${file} holds a run that is not shard ${shardText(manifest.shard)}'s own, or holds it twice; run that shard again.`,
      );
    }
    seen.add(row.job);
  }
  const expected = shardJobs(jobCount(grid), manifest.shard).length;
  if (rows.length !== expected) {
    throw new SweepError(
      `${file} holds ${rows.length} of the ${expected} runs of shard ${shardText(manifest.shard)}; run that shard again.`,
    );
  }
  return rows;
}
