import { describe, expect, it } from "vitest";
import { parseRate } from "../../sim/dsl/index.ts";

describe("parseRate", () => {
  it.each([
    ["200/s", 200],
    ["60/m", 1],
    ["3600/h", 1],
    ["1.5/s", 1.5],
    ["0/s", 0],
    ["30 / m", 0.5],
  ])("%s is %f per second", (text, perSecond) => {
    expect(parseRate(text)).toBeCloseTo(perSecond, 12);
  });

  it.each(["200", "200/d", "200/sec", "/s", "x/s", "200 per s"])("rejects %j", (text) => {
    expect(() => parseRate(text)).toThrow(
      `expected a rate like "200/s", "30/m" or "5/h", got ${JSON.stringify(text)}`,
    );
  });

  it("rejects negative rates", () => {
    expect(() => parseRate("-1/s")).toThrow("not negative");
  });
});
