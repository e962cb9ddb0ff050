// The per-write events handed over as values (WriteTrace: sim/model/trace-out.ts, RunObservers)
// against the same events handed over as objects: on real runs, the run's observers read the same
// metrics, group rows, timeline, chart series and kept events (trace level "full"), `onTrace` sees
// the same events in the same order, and the fingerprint is the same.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { startSimulation, type TraceEvent, type WriteTrace } from "../../sim/model/index.ts";
import { prepareRun } from "../../sim/run/prepare-run.ts";
import { RunObservers } from "../../sim/run/run-observers.ts";
import { loadScenarioFile } from "../../sim/scenario/load.ts";

const root = path.join(import.meta.dirname, "..", "..");

async function observedRun(file: string, values: boolean) {
  const raw = await loadScenarioFile(path.join(root, file));
  const scenario = prepareRun(raw, { file, trace: "full" });
  const watched: TraceEvent[] = [];
  const observers = new RunObservers(scenario.world, "full", true, (event) => watched.push(event));
  const writes: WriteTrace | null = values ? observers : null;
  const run = startSimulation(
    scenario.world,
    (event) => observers.observe(event),
    undefined,
    true,
    writes,
  );
  run.advance(Infinity);
  return { observed: observers.read(), watched, fingerprint: run.summary().fingerprint };
}

describe("per-write events as values or as objects", () => {
  // Between them: divergent writes (split brain), write failures with retries, several client
  // groups (per-group accounts), a pool behind a load balancer (no write_accepted: its servers
  // keep no log), a circuit breaker.
  const files = [
    "scenarios/split-brain.ts",
    "scenarios/dns-ttl.ts",
    "scenarios/minority-primary.ts",
    "scenarios/active-active-pool.ts",
    "scenarios/circuit-breaker.ts",
  ];
  /** The per-write kinds the runs emitted; "divergent" for a divergent write_accepted. */
  const seen = new Set<string>();

  it.each(files)("%s: the same observations, trace and fingerprint", async (file) => {
    const objects = await observedRun(file, false);
    const values = await observedRun(file, true);
    expect(values.fingerprint).toBe(objects.fingerprint);
    expect(values.watched.length).toBe(objects.watched.length);
    expect(values.watched).toEqual(objects.watched);
    expect(values.observed).toEqual(objects.observed);
    for (const event of values.watched) {
      seen.add(event.kind);
      if (event.kind === "write_accepted" && event.divergent) seen.add("divergent");
    }
  });

  it("covered every per-write kind handed over as values, divergent writes included", () => {
    for (const kind of [
      "write_issued",
      "write_accepted",
      "write_acked",
      "write_failed",
      "replicated",
    ])
      expect(seen).toContain(kind);
    expect(seen).toContain("divergent");
  });
});
