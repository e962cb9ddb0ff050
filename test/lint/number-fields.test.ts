// The number-field rule catches a mutable number field declared without a value, and leaves
// alone an initialised one, a readonly one and a nullable one.
import { describe, expect, it } from "vitest";
import { lateNumberFields } from "../../scripts/lint/number-fields.ts";

describe("the number-field rule", () => {
  it("catches a mutable number field that starts undefined", () => {
    const text = [
      "class Detector {",
      "  private lastHeardUs: number;",
      "  count: number;",
      "  constructor(startUs: number) { this.lastHeardUs = startUs; this.count = 0; }",
      "}",
    ].join("\n");
    expect(lateNumberFields("x.ts", text).map(({ line, message }) => [line, message])).toEqual([
      [2, expect.stringMatching(/^lastHeardUs: /)],
      [3, expect.stringMatching(/^count: /)],
    ]);
  });

  it("leaves alone initialised, readonly and nullable fields, and interfaces", () => {
    const text = [
      "interface Shape { atUs: number; }",
      "class Clock {",
      "  private nowUs = 0;",
      "  private lastUs: number = 0;",
      "  private readonly limitUs: number;",
      "  private openedUs: number | null = null;",
      "  constructor(limitUs: number) { this.limitUs = limitUs; }",
      "}",
    ].join("\n");
    expect(lateNumberFields("x.ts", text)).toEqual([]);
  });
});
