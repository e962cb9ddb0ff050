// groupThousands writes a whole number as toLocaleString("en-US") does, without its locale data.
import { describe, expect, it } from "vitest";
import { groupThousands } from "../../sim/dsl/index.ts";

describe("groupThousands", () => {
  it("groups whole numbers as toLocaleString('en-US') does", () => {
    const values = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 12_345, 99_999, 100_000, 999_999];
    values.push(1_000_000, 1_234_567, 12_345_678_901, Number.MAX_SAFE_INTEGER);
    for (let power = 1; power < 1e15; power *= 7) values.push(power, power - 1);
    for (const value of [...values, ...values.map((v) => -v).filter((v) => v !== 0)])
      expect(groupThousands(value), String(value)).toBe(value.toLocaleString("en-US"));
  });

  it("leaves anything but a safe integer to toLocaleString", () => {
    for (const value of [1.5, 1234.5678, -0.25, 2 ** 60, Infinity, NaN])
      expect(groupThousands(value)).toBe(value.toLocaleString("en-US"));
  });
});
