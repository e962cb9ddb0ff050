// Named random streams: the draws of seedrandom's alea for (seed, name), independent per name.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { RngStreams } from "../../sim/engine/index.ts";

const draws = (streams: RngStreams, name: string, n = 5) =>
  Array.from({ length: n }, () => streams.stream(name).float());

describe("RngStreams", () => {
  it("draws exactly what seedrandom's alea draws for (seed, name)", () => {
    for (const [seed, name] of [
      [1, "network"],
      [42, "client:clients"],
      [7, "node:db1"],
    ] as const) {
      const reference = seedrandom.alea(`${seed}/${name}`);
      const expected = Array.from({ length: 10_000 }, () => reference());
      expect(draws(new RngStreams(seed), name, 10_000)).toEqual(expected);
    }
  });

  it("gives the same draws for the same seed and name", () => {
    expect(draws(new RngStreams(7), "link:db1->db2")).toEqual(
      draws(new RngStreams(7), "link:db1->db2"),
    );
  });

  it("keeps a stream's draws unchanged when other streams are added or used", () => {
    const alone = new RngStreams(7);
    const crowded = new RngStreams(7);
    draws(crowded, "client:extra", 100); // a new client drawing first
    draws(crowded, "node:db3", 50);
    expect(draws(crowded, "network")).toEqual(draws(alone, "network"));
  });

  it("differs across seeds and across names", () => {
    expect(draws(new RngStreams(1), "a")).not.toEqual(draws(new RngStreams(2), "a"));
    expect(draws(new RngStreams(1), "a")).not.toEqual(draws(new RngStreams(1), "b"));
  });

  it("draws exponentials with the requested mean", () => {
    const rng = new RngStreams(3).stream("exp");
    const n = 200_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += rng.exponential(2);
    // Standard error of the mean = 2 / sqrt(n) ≈ 0.0045; allow 5 SE.
    expect(Math.abs(sum / n - 2)).toBeLessThan(5 * (2 / Math.sqrt(n)));
  });
});
