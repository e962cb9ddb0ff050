// --vary flags: lists and ranges parsed, and every bad one refused before any run, as a
// ScenarioError naming the file and the --vary flag (exit 2 at the command line).
import { describe, expect, it } from "vitest";
import { ScenarioError } from "../../sim/scenario/index.ts";
import { buildGrid, seedRange } from "../../sim/sweep/grid.ts";
import { checkGrid } from "../../sim/sweep/grid-check.ts";
import { checkDistinctPaths, parseVary } from "../../sim/sweep/vary.ts";
import tiny from "./tiny-scenario.ts";

const file = "test/sweep/tiny-scenario.ts";

function errorOf(action: () => unknown): ScenarioError {
  try {
    action();
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error("expected a ScenarioError");
}

/** Parses and checks --vary flags against the tiny scenario, as `sim sweep` does. */
function check(...flags: string[]) {
  const varies = flags.map((flag) => parseVary(flag, file));
  checkDistinctPaths(varies, file);
  checkGrid({ raw: tiny, file, set: [], grid: buildGrid(varies, seedRange(2)) });
  return varies;
}

describe("parsing --vary", () => {
  it("reads comma lists and ranges", () => {
    expect(parseVary("replication.mode=async,sync", file)).toEqual({
      path: "replication.mode",
      values: ["async", "sync"],
    });
    expect(parseVary("detector.timeout=1s..3s/1s", file)).toEqual({
      path: "detector.timeout",
      values: ["1s", "2s", "3s"],
    });
    expect(parseVary("detector.timeout = 2s, 4s", file)).toEqual({
      path: "detector.timeout",
      values: ["2s", "4s"],
    });
  });

  it("keeps JSON values whole", () => {
    expect(parseVary('clients.zone=east,"we,st"', file).values).toEqual(["east", '"we,st"']);
    expect(parseVary('faults=[],[{"at":"1s","fault":{"kind":"heal"}}]', file).values).toEqual([
      "[]",
      '[{"at":"1s","fault":{"kind":"heal"}}]',
    ]);
  });

  it("accepts good flags against the scenario", () => {
    expect(check("detector.timeout=1s..5s/1s", "replication.mode=async,sync")).toHaveLength(2);
  });
});

describe("bad --vary flags are errors naming the file and the flag", () => {
  it.each([
    [
      "an unknown path",
      ["detector.timeoutt=1s,2s"],
      /^test\/sweep\/tiny-scenario\.ts: --vary detector\.timeoutt: expected a key of detector: .*got "timeoutt" \(did you mean "timeout"\?\)\.$/,
    ],
    [
      "an unknown node",
      ["nodes.db9.zone=a"],
      /--vary nodes\.db9\.zone: expected an existing entry of nodes/,
    ],
    [
      "an empty range",
      ["detector.timeout=5s..1s/1s"],
      /--vary detector\.timeout: expected a range that is not empty \(lo at most hi\), got "5s\.\.1s\/1s"\./,
    ],
    [
      "a zero step",
      ["detector.timeout=1s..5s/0s"],
      /--vary detector\.timeout: expected a step greater than 0, got "1s\.\.5s\/0s"\./,
    ],
    [
      "an incompatible type",
      ["detector.timeout=abc"],
      /--vary detector\.timeout=abc: expected a duration like "250ms".*got "abc"\./,
    ],
    [
      "a number for a duration",
      ["detector.timeout=1..5/1"],
      /--vary detector\.timeout=1: expected a duration/,
    ],
    [
      "a bad choice",
      ["replication.mode=async,fast"],
      /--vary replication\.mode=fast: expected .*"sync".*got "fast"/,
    ],
    ["mixed range ends", ["detector.timeout=1..5s/1s"], /expected lo, hi and step of one kind/],
    ["no values", ["detector.timeout="], /--vary detector\.timeout: expected at least one value/],
    ["no path", ["1s,2s"], /--vary 1s,2s: expected path=values/],
    ["an empty list item", ["replication.mode=async,,sync"], /without empty values/],
    ["a repeated value", ["replication.mode=async,async"], /each value once/],
    ["the seed", ["seed=1,2"], /--seeds or --seed-list/],
    ["a path twice", ["detector.timeout=1s", "detector.timeout=2s"], /each path varied once/],
  ])("%s", (_, flags, message) => {
    const error = errorOf(() => check(...flags));
    expect(error.file).toBe(file);
    expect(error.message).toMatch(message);
    // Every bad value has its line: the five numbers of 1..5/1 each; any other case one.
    expect(error.message.split("\n")).toHaveLength(flags[0] === "detector.timeout=1..5/1" ? 5 : 1);
  });

  it("a combination the scenario rejects names every flag of the point", () => {
    // Each value alone fits the scenario; together the jitter exceeds the latency.
    const error = errorOf(() => check("network.latency=2ms,1ms", "network.jitter=1ms,1.5ms"));
    expect(error.message).toMatch(
      /^test\/sweep\/tiny-scenario\.ts: network\.jitter \(with --vary network\.latency=1ms --vary network\.jitter=1\.5ms\): expected/,
    );
  });
});
