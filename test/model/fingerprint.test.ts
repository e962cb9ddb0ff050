// The run fingerprint: equal for equal input, and telling apart what a serialisation would.
import { describe, expect, it } from "vitest";
import { Fingerprint, fingerprintTags, stringWord } from "../../sim/model/fingerprint.ts";

const hexOf = (...values: unknown[]) => {
  const fingerprint = new Fingerprint();
  for (const value of values) fingerprint.addValue(value);
  return fingerprint.hex();
};

describe("Fingerprint", () => {
  it("is 16 hex digits, equal for equal inputs", () => {
    expect(hexOf({ kind: "x", tUs: 5 })).toMatch(/^[0-9a-f]{16}$/);
    expect(hexOf({ kind: "x", tUs: 5 }, "a", [1, 2])).toBe(
      hexOf({ kind: "x", tUs: 5 }, "a", [1, 2]),
    );
  });

  it("tells apart what a serialisation would", () => {
    const distinct = [
      hexOf("ab", "c"),
      hexOf("a", "bc"),
      hexOf("abc"),
      hexOf(1),
      hexOf("1"),
      hexOf(true),
      hexOf(null),
      hexOf(undefined),
      hexOf([]),
      hexOf({}),
      hexOf([1, 2]),
      hexOf([[1], 2]),
      hexOf({ a: 1, b: 2 }),
      hexOf({ a: 2, b: 1 }),
      hexOf(2 ** 31),
      hexOf(2 ** 32),
      hexOf(2 ** 32 + 1),
      hexOf(86_400_000_000),
      hexOf(86_400_000_001),
      hexOf(-1),
      hexOf(0.5),
      hexOf(1.5),
      hexOf(2 ** 53 + 2),
    ];
    expect(new Set(distinct).size).toBe(distinct.length);
  });

  it("hashes a long string (not remembered) the same every time", () => {
    const long = "x".repeat(100);
    expect(hexOf(long, long)).toBe(hexOf(long, long));
    expect(hexOf(long)).not.toBe(hexOf(`${long}y`));
  });

  it("is equal for equal strings fed one by one and separates their boundaries", () => {
    const f = (parts: string[]) => {
      const fp = new Fingerprint();
      parts.forEach((p) => fp.addString(p));
      return fp.hex();
    };
    expect(f(["ab", "c"])).toBe(f(["ab", "c"]));
    expect(f(["ab", "c"])).not.toBe(f(["a", "bc"]));
    expect(f(["ab", "c"])).toMatch(/^[0-9a-f]{16}$/);
  });

  it("hashes a per-write record in one call as it hashes its values one by one", () => {
    const kindWord = stringWord("write_acked");
    // 32-bit integers, safe integers past 2³¹ (a time past 36 simulated minutes) and 2³², a
    // negative one, numbers that are not integers; a boolean, a number or nothing last.
    const numbers = [0, 7, -5, 2 ** 31 + 3, 86_400_000_000, -(2 ** 40) - 1, 0.5, 1e300, NaN];
    const lasts: (number | boolean | undefined)[] = [undefined, true, false, ...numbers];
    for (const tUs of numbers)
      for (const id of [1, 2 ** 33 + 1])
        for (const last of lasts) {
          const whole = new Fingerprint();
          const parts = new Fingerprint();
          for (const fingerprint of [whole, parts]) fingerprint.addString("before");
          whole.addWriteRecord(kindWord, tUs, "db1", id, last);
          parts.addTag(fingerprintTags.record);
          parts.addStringWord(kindWord);
          parts.addNumber(tUs);
          parts.addString("db1");
          parts.addNumber(id);
          if (last !== undefined) parts.addValue(last);
          parts.addTag(fingerprintTags.end);
          expect(whole.hex(), `tUs ${tUs}, id ${id}, last ${last}`).toBe(parts.hex());
        }
  });
});
