// What the importer tests share: a shipped sample configuration (or a text) imported, the
// scenario written to a temporary file and loaded as `sim run` loads it, and one run of it;
// and the times of the events a hand-computed timeline is checked against.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { importConfig, type ImportRequest, type Imported } from "../../sim/import/index.ts";
import { runScenario, type RunResult } from "../../sim/metrics/index.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import { loadScenarioFile } from "../../sim/scenario/index.ts";

export const samples = path.join(import.meta.dirname, "..", "..", "examples", "configs");

export function sampleText(name: string): string {
  return fs.readFileSync(path.join(samples, name), "utf8");
}

/** The sample (or `text` under the sample's name) imported. */
export function imported(name: string, request: ImportRequest = {}, text = sampleText(name)): Imported {
  return importConfig({ name, text }, request);
}

/** The imported scenario, written to a temporary file, loaded and run once (seed 1). */
export async function importAndRun(name: string, request: ImportRequest = {}, text?: string): Promise<{ imported: Imported; result: RunResult }> {
  const result = imported(name, request, text);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-import-"));
  try {
    const file = path.join(dir, `${result.plan.name}.ts`);
    fs.writeFileSync(file, result.text);
    const raw = await loadScenarioFile(file);
    return { imported: result, result: runScenario(raw, { file }) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds of the first event of `kind` about `node` (suspect, promoted, lb_down, …). */
export function firstS(result: RunResult, kind: TraceEvent["kind"], node: string): number {
  const event = result.events.find((candidate) => candidate.kind === kind && "node" in candidate && candidate.node === node);
  if (event === undefined) throw new Error(`no ${kind} event for ${node}`);
  return event.tUs / 1e6;
}
