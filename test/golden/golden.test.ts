// Golden outputs of every shipped scenario (scenarios/*.ts), byte for byte: summary.csv,
// timeline.csv and events.csv as `sim run` writes them (default trace level), the run's
// fingerprint, and a digest of the whole trace — every per-write event included — computed
// here the way the fingerprint was first defined (trace-digest.ts). Performance work must leave
// all of them unchanged; a deliberate change of the fingerprint's hash changes fingerprint.txt
// only, and trace-digest.txt still proves the trace is the same.
// bench-busy-day.ts is checked on its first hour (test/bench/busy-hour.ts: same cluster, load
// and hourly faults), in golden-busy-hour.test.ts; the whole day is the benchmark's job (npm run
// bench). The comparison itself is golden-check.ts.
//
// When a change is meant to change outputs (a model change, a new scenario), regenerate the
// golden files with one command and review the diff:
//     npm run golden:update
// (= UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts test/golden)
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkGolden, goldenDir, shipped, update } from "./golden-check.ts";

/** In golden-busy-hour.test.ts, a file of its own: the longest case runs beside the others. */
const elsewhere = ["bench-busy-day.ts"];

describe("golden outputs of the shipped scenarios", () => {
  it("covers every scenario in scenarios/", () => {
    expect(shipped.length).toBeGreaterThan(0);
    if (update) return;
    const stored = fs.existsSync(goldenDir) ? fs.readdirSync(goldenDir).sort() : [];
    const names = shipped.map((file) => file.replace(/\.ts$/, "")).sort();
    expect(stored, "golden files missing or stale: run npm run golden:update").toEqual(names);
  });

  for (const file of shipped.filter((file) => !elsewhere.includes(file))) {
    it(`${file.replace(/\.ts$/, "")}: CSV files, fingerprint and whole trace unchanged`, () => checkGolden(file), 240_000);
  }
});
