import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration, readDuration } from "../../sim/dsl/index.ts";

describe("parseDuration", () => {
  it.each([
    ["250ms", 250_000],
    ["1.5s", 1_500_000],
    ["0.1s", 100_000],
    ["3s", 3_000_000],
    ["5m", 300_000_000],
    ["1h", 3_600_000_000],
    ["2d", 172_800_000_000],
    ["7us", 7],
    ["0s", 0],
    ["5 s", 5_000_000],
    ["0.0000005s", 1],
    ["0.0000004s", 0],
    ["1.0000015s", 1_000_002],
  ])("%s is %i µs", (text, us) => {
    expect(parseDuration(text)).toBe(us);
  });

  it("is exact where floating point would not be", () => {
    expect(parseDuration("0.3s")).toBe(300_000);
    expect(parseDuration("4.35s")).toBe(4_350_000);
    expect(parseDuration("1.1h")).toBe(3_960_000_000);
  });

  it.each(["5 sex", "5", "s", "5  s", " 5s", "1e3ms", "5S", "", "1.s", "five s", "5s "])(
    "rejects %j",
    (text) => {
      expect(() => parseDuration(text)).toThrow(
        `expected a duration like "250ms", "3s", "5m" (units: us, ms, s, m, h, d), got ${JSON.stringify(text)}`,
      );
    },
  );

  it("rejects negative durations with their own message", () => {
    expect(() => parseDuration("-3s")).toThrow(
      `expected a duration that is not negative, like "3s", got "-3s"`,
    );
  });

  it("rejects durations too long to count in microseconds", () => {
    expect(readDuration("200000000d")).toMatchObject({ ok: false });
  });

  it("reads non-strings as malformed without throwing", () => {
    expect(readDuration(5)).toEqual({
      ok: false,
      expected: expect.stringContaining("a duration like"),
    });
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0s"],
    [600_000_000, "10m"],
    [1_500_000, "1.5s"],
    [90_000_000, "1.5m"],
    [100_000_000, "100s"],
    [1_234_567, "1234.567ms"],
    [250_000, "250ms"],
    [500, "500us"],
    [172_800_000_000, "2d"],
    [-3_000_000, "-3s"],
  ])("%i µs is %s", (us, text) => {
    expect(formatDuration(us)).toBe(text);
  });

  it("round-trips through parseDuration", () => {
    for (const us of [1, 999, 1_000, 12_345_678, 59_999_999, 86_400_000_001, 3_600_000_000 * 25]) {
      expect(parseDuration(formatDuration(us))).toBe(us);
    }
  });

  it("refuses fractional microseconds", () => {
    expect(() => formatDuration(1.5)).toThrow(RangeError);
  });
});
