// `lo..hi/step` ranges of --vary: durations and numbers, exact steps, and the ranges refused.
import { describe, expect, it } from "vitest";
import { expandRange, maxRangeValues } from "../../sim/sweep/range.ts";

const values = (text: string) => {
  const reading = expandRange(text);
  if (!reading.ok) throw new Error(reading.expected);
  return reading.values;
};
const refusal = (text: string) => {
  const reading = expandRange(text);
  return reading.ok ? "accepted" : reading.expected;
};

describe("duration ranges", () => {
  it("steps in the unit of lo, including hi", () => {
    expect(values("1s..5s/1s")).toEqual(["1s", "2s", "3s", "4s", "5s"]);
    expect(values("500ms..2s/500ms")).toEqual(["500ms", "1000ms", "1500ms", "2000ms"]);
    expect(values("1s..2s/250ms")).toEqual(["1s", "1.25s", "1.5s", "1.75s", "2s"]);
  });

  it("stops below hi when the step does not land on it", () => {
    expect(values("1s..10s/4s")).toEqual(["1s", "5s", "9s"]);
  });

  it("gives one value when lo equals hi", () => {
    expect(values("3s..3s/1s")).toEqual(["3s"]);
  });
});

describe("number ranges", () => {
  it("are exact in decimal, never 0.30000000000000004", () => {
    expect(values("0..1/0.1")).toEqual([
      "0",
      "0.1",
      "0.2",
      "0.3",
      "0.4",
      "0.5",
      "0.6",
      "0.7",
      "0.8",
      "0.9",
      "1",
    ]);
    expect(values("-1..1/0.5")).toEqual(["-1", "-0.5", "0", "0.5", "1"]);
    expect(values("1..3/1")).toEqual(["1", "2", "3"]);
  });
});

describe("refused ranges", () => {
  it.each([
    ["5s..1s/1s", /not empty/],
    ["1s..5s/0s", /step greater than 0/],
    ["1..5/0", /step greater than 0/],
    ["1..5/-1", /step greater than 0/],
    ["1..5s/1s", /of one kind/],
    ["a..b/c", /of one kind/],
    ["1s..5s", /lo\.\.hi\/step/],
    ["0ms..1h/1ms", new RegExp(`at most ${maxRangeValues} values`)],
  ])("%s", (text, message) => {
    expect(refusal(text)).toMatch(message);
  });
});
