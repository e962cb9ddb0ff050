// The golden comparison of one shipped scenario, shared by golden.test.ts (every scenario but
// the busy day) and golden-busy-hour.test.ts (the busy day's one-hour stand-in, the longest
// case, in a file of its own so that it runs beside the others), the check that each run's
// event estimate errs on the high side, and the check that each meets its own expectations.
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { runReportFiles } from "../../sim/report/run-report.ts";
import { loadScenarioFile } from "../../sim/scenario/load.ts";
import { estimateRun } from "../../sim/scenario/limit-estimates.ts";
import { TraceDigest } from "./trace-digest.ts";

const root = path.join(import.meta.dirname, "..", "..");
export const goldenDir = path.join(import.meta.dirname, "outputs");
export const update = process.env.UPDATE_GOLDEN === "1";
/** Scenarios checked through a shorter stand-in. */
const standIns: Record<string, string> = { "bench-busy-day.ts": "test/bench/busy-hour.ts" };

export const shipped = fs
  .readdirSync(path.join(root, "scenarios"))
  .filter((file) => file.endsWith(".ts"))
  .sort();

async function goldenFiles(file: string): Promise<Map<string, string>> {
  const relative = standIns[file] ?? path.join("scenarios", file);
  const digest = new TraceDigest();
  const raw = await loadScenarioFile(path.join(root, relative));
  const result = runScenario(raw, { file: relative, onTrace: (event) => digest.add(event) });
  // The estimate that refuses a run before it starts (limit-estimates.ts) must err on the high
  // side for every shipped scenario, or a run the limits would let finish could be refused.
  // Every shipped scenario meets its own expectations at its own seed, as `sim check scenarios`
  // judges them: a change that moves a figure must move the scenario's `expect` (and its header)
  // with it, not leave a shipped scenario failing.
  expect.soft(result.breaches, `${relative}: its own expectations (sim check)`).toEqual([]);
  const estimate = estimateRun(result.world, "none").events;
  expect.soft(estimate, `${relative}: event estimate below the events run`).toBeGreaterThanOrEqual(result.eventsProcessed);
  const files = await runReportFiles(result, { charts: false });
  const out = new Map<string, string>();
  for (const { name, content } of files) out.set(name, String(content));
  out.set("fingerprint.txt", `${result.fingerprint}\n`);
  out.set("trace-digest.txt", `${digest.hex()} ${digest.events} events\n`);
  return out;
}

/** Compares (or, with UPDATE_GOLDEN=1, writes) the golden files of one shipped scenario. */
export async function checkGolden(file: string): Promise<void> {
  const name = file.replace(/\.ts$/, "");
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
}
