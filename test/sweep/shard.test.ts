// --shard i/N: 1-based, disjoint slices that together cover every job exactly once.
import { describe, expect, it } from "vitest";
import { inShard, parseShard, shardJobs } from "../../sim/sweep/shard.ts";
import { SweepError } from "../../sim/sweep/sweep-error.ts";

describe("parsing --shard", () => {
  it("reads i/N with i from 1", () => {
    expect(parseShard("1/3")).toEqual({ index: 1, count: 3 });
    expect(parseShard(" 3 / 3 ")).toEqual({ index: 3, count: 3 });
  });

  it.each(["0/3", "4/3", "1/0", "1", "a/b", "-1/3", "1.5/3"])("refuses %s", (text) => {
    expect(() => parseShard(text)).toThrow(SweepError);
    expect(() => parseShard(text)).toThrow(/i is 1-based/);
  });
});

describe("slicing", () => {
  it.each([
    [0, 3],
    [1, 1],
    [7, 3],
    [200, 7],
    [5, 8],
  ])("%i jobs in %i shards: every job exactly once", (total, count) => {
    const seen = new Map<number, number>();
    for (let index = 1; index <= count; index++) {
      for (const job of shardJobs(total, { index, count })) {
        expect(inShard(job, { index, count })).toBe(true);
        seen.set(job, (seen.get(job) ?? 0) + 1);
      }
    }
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: total }, (_, i) => i),
    );
    expect([...seen.values()].every((times) => times === 1)).toBe(true);
  });

  it("deals jobs round-robin so shards are balanced", () => {
    expect(shardJobs(10, { index: 1, count: 3 })).toEqual([0, 3, 6, 9]);
    expect(shardJobs(10, { index: 2, count: 3 })).toEqual([1, 4, 7]);
    expect(shardJobs(10, { index: 3, count: 3 })).toEqual([2, 5, 8]);
  });
});
