// What the importer tests share: a shipped sample configuration (or a text) imported, the
// scenario written to a temporary file and loaded as `sim run` loads it, and one run of it;
// and the times of the events a hand-computed timeline is checked against.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "vitest";
import { importConfig, type ImportRequest, type Imported } from "../../sim/import/index.ts";
import { runScenario, type RunResult } from "../../sim/run/index.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import { loadScenarioFile } from "../../sim/scenario/index.ts";

export const samples = path.join(import.meta.dirname, "..", "..", "examples", "configs");

export function sampleText(name: string): string {
  return fs.readFileSync(path.join(samples, name), "utf8");
}

/** The sample (or `text` under the sample's name) imported. */
export function imported(
  name: string,
  request: ImportRequest = {},
  text = sampleText(name),
): Imported {
  return importConfig({ name, text }, request);
}

/** The imported scenario, written to a temporary file, loaded and run once (seed 1). The fault
 *  strikes at a moment the seed draws from one round; a hand computation pins it (`pinAt`). */
export async function importAndRun(
  name: string,
  request: ImportRequest = {},
  text?: string,
  pinAt?: string,
  seed?: number,
): Promise<{ imported: Imported; result: RunResult }> {
  const result = imported(name, request, text);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sim-import-"));
  try {
    const file = path.join(dir, `${result.plan.name}.ts`);
    const pinned = `faults: [at(${JSON.stringify(pinAt)}`;
    const written =
      pinAt === undefined ? result.text : result.text.replace(/faults: \[at\("[^"]+"/, pinned);
    expect(pinAt === undefined || written.includes(pinned)).toBe(true);
    fs.writeFileSync(file, written);
    const raw = await loadScenarioFile(file);
    return {
      imported: result,
      result: runScenario(raw, seed === undefined ? { file } : { file, seed }),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds of the first event of `kind` about `node` (suspect, promoted, lb_down, …). */
export function firstS(result: RunResult, kind: TraceEvent["kind"], node: string): number {
  const event = result.events.find(
    (candidate) => candidate.kind === kind && "node" in candidate && candidate.node === node,
  );
  if (event === undefined) throw new Error(`no ${kind} event for ${node}`);
  return event.tUs / 1e6;
}

/** A crash of db1 and db2's promotion, each time computed by hand in the test: the crash, the first
 *  suspicion of db1 (seconds into the run, inclusive bounds), the promotion's delay after it
 *  (at least `promotionS`, within 10 ms more), and rto_s (inclusive low, exclusive high). */
export interface HandTimeline {
  /** The round the default fault is drawn from, as the scenario writes it: at(…) of db1's crash. */
  crashWindow: string;
  /** The moment the hand computation pins it to: the middle of the round, the average case. */
  crashAt: string;
  suspectS: [number, number];
  detectionS: [number, number];
  promotionS: number;
  rtoS: [number, number];
}

export function expectTimeline(
  { imported, result }: { imported: Imported; result: RunResult },
  hand: HandTimeline,
): void {
  expect(imported.text).toContain(
    `faults: [at(${JSON.stringify(hand.crashWindow)}, crash("db1"))]`,
  );
  const suspectS = firstS(result, "suspect", "db1");
  const promotionS = firstS(result, "promoted", "db2") - suspectS;
  const detectionS = result.metrics.detection_s ?? NaN;
  const rtoS = result.metrics.rto_s ?? NaN;
  expect({ suspectS, detectionS }).toEqual({
    suspectS: within(hand.suspectS),
    detectionS: within(hand.detectionS),
  });
  expect(promotionS).toBeGreaterThanOrEqual(hand.promotionS);
  expect(promotionS).toBeLessThan(hand.promotionS + 0.01);
  expect(rtoS).toBeGreaterThanOrEqual(hand.rtoS[0]);
  expect(rtoS).toBeLessThan(hand.rtoS[1]);
  expect([result.metrics.failovers, result.breaches]).toEqual([1, []]);
}

/** A value within [low, high], for toEqual. */
function within([low, high]: [number, number]): unknown {
  return expect.toSatisfy(
    (value: number) => value >= low && value <= high,
    `within [${low}, ${high}]`,
  );
}

/** A sample imported: lines its scenario must hold (values with their citations), what it must
 *  list as not modelled (exactly, in the file's order) and some of what it must list as ignored. */
export function expectCited(
  sample: string,
  want: { lines: string[]; notModelled: string[]; ignored: string[] },
): void {
  const { text, plan } = imported(sample);
  const missing = want.lines.filter((line) => !text.includes(line));
  expect({ missing, notModelled: plan.notModelled.map((remark) => remark.subject) }).toEqual({
    missing: [],
    notModelled: want.notModelled,
  });
  expect(plan.ignored.map((remark) => remark.subject)).toEqual(
    expect.arrayContaining(want.ignored),
  );
}
