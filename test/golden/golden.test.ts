// Golden outputs of every shipped scenario (scenarios/*.ts), byte for byte: summary.csv,
// timeline.csv and events.csv as `sim run` writes them (default trace level), the run's
// fingerprint, and a digest of the whole trace — every per-write event included — computed
// here the way the fingerprint was first defined (trace-digest.ts). Performance work must leave
// all of them unchanged; a deliberate change of the fingerprint's hash changes fingerprint.txt
// only, and trace-digest.txt still proves the trace is the same.
// bench-busy-day.ts is checked on its first hour (test/bench/busy-hour.ts: same cluster, load
// and hourly faults); the whole day is the benchmark's job (npm run bench).
//
// When a change is meant to change outputs (a model change, a new scenario), regenerate the
// golden files with one command and review the diff:
//     npm run golden:update
// (= UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts test/golden)
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/metrics/run-scenario.ts";
import { runReportFiles } from "../../sim/report/run-report.ts";
import { loadScenarioFile } from "../../sim/scenario/load.ts";
import { TraceDigest } from "./trace-digest.ts";

const root = path.join(import.meta.dirname, "..", "..");
const goldenDir = path.join(import.meta.dirname, "outputs");
const update = process.env.UPDATE_GOLDEN === "1";
/** Scenarios checked through a shorter stand-in. */
const standIns: Record<string, string> = { "bench-busy-day.ts": "test/bench/busy-hour.ts" };

const shipped = fs
  .readdirSync(path.join(root, "scenarios"))
  .filter((file) => file.endsWith(".ts"))
  .sort();

async function goldenFiles(file: string): Promise<Map<string, string>> {
  const relative = standIns[file] ?? path.join("scenarios", file);
  const digest = new TraceDigest();
  const raw = await loadScenarioFile(path.join(root, relative));
  const result = runScenario(raw, { file: relative, onTrace: (event) => digest.add(event) });
  const files = await runReportFiles(result, { charts: false });
  const out = new Map<string, string>();
  for (const { name, content } of files) out.set(name, String(content));
  out.set("fingerprint.txt", `${result.fingerprint}\n`);
  out.set("trace-digest.txt", `${digest.hex()} ${digest.events} events\n`);
  return out;
}

describe("golden outputs of the shipped scenarios", () => {
  it("covers every scenario in scenarios/", () => {
    expect(shipped.length).toBeGreaterThan(0);
    if (update) return;
    const stored = fs.existsSync(goldenDir) ? fs.readdirSync(goldenDir).sort() : [];
    const names = shipped.map((file) => file.replace(/\.ts$/, "")).sort();
    expect(stored, "golden files missing or stale: run npm run golden:update").toEqual(names);
  });

  for (const file of shipped) {
    const name = file.replace(/\.ts$/, "");
    it(`${name}: CSV files, fingerprint and whole trace unchanged`, async () => {
      const files = await goldenFiles(file);
      const dir = path.join(goldenDir, name);
      if (update) {
        fs.mkdirSync(dir, { recursive: true });
        for (const [fileName, content] of files) fs.writeFileSync(path.join(dir, fileName), content);
        return;
      }
      const differing = [...files].filter(([fileName, content]) => {
        const goldenPath = path.join(dir, fileName);
        return !fs.existsSync(goldenPath) || fs.readFileSync(goldenPath, "utf8") !== content;
      });
      // Names every differing file, then shows the first one's difference line by line.
      expect.soft(differing.map(([fileName]) => fileName), `${name}: outputs differ from test/golden/outputs/${name}/`).toEqual([]);
      for (const [fileName, content] of differing.slice(0, 1)) {
        const goldenPath = path.join(dir, fileName);
        const golden = fs.existsSync(goldenPath) ? fs.readFileSync(goldenPath, "utf8") : "(missing: run npm run golden:update)";
        expect(content, `${name}/${fileName}`).toBe(golden);
      }
    }, 240_000);
  }
});
