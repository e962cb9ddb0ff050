// The golden outputs of scenarios/bench-busy-day.ts, checked on its first hour (golden-check.ts),
// in a file of its own: the longest golden case, it runs beside the other test files.
import { describe, it } from "vitest";
import { checkGolden } from "./golden-check.ts";

describe("golden outputs of the shipped scenarios", () => {
  it("bench-busy-day: CSV files, fingerprint and whole trace unchanged", () => checkGolden("bench-busy-day.ts"), 240_000);
});
