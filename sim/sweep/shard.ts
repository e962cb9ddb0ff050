// `--shard i/N`: the i-th of N disjoint slices of a sweep's jobs, for running one sweep as N
// independent jobs of a batch engine (a Kubernetes Indexed Job, a CI matrix, GNU parallel).
// i is 1-based (1/3, 2/3, 3/3). Jobs are dealt round-robin — job j goes to shard (j mod N) + 1 —
// rather than cut into blocks, because the cost of a run often grows along the grid (a longer
// timeout, a longer outage): dealing spreads cheap and dear points over every shard.
// Every job is in exactly one shard, so the shards together are the whole sweep.
import { SweepError } from "./sweep-error.ts";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export const wholeSweep: Shard = { index: 1, count: 1 };

export const maxShardCount = 100_000;

export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || count > maxShardCount || index < 1 || index > count) {
    throw new SweepError(
      `--shard expects i/N with 1 ≤ i ≤ N (i is 1-based: the shards of a three-way split are 1/3, 2/3 and 3/3), got ${JSON.stringify(text)}.`,
    );
  }
  return { index, count };
}

export function inShard(jobIndex: number, shard: Shard): boolean {
  return jobIndex % shard.count === shard.index - 1;
}

/** The job numbers of a shard, ascending. */
export function shardJobs(totalJobs: number, shard: Shard): number[] {
  const jobs: number[] = [];
  for (let job = shard.index - 1; job < totalJobs; job += shard.count) jobs.push(job);
  return jobs;
}

export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
