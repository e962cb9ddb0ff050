// The benchmark's layers rows: where the busy hour's CPU time goes. The busy hour
// (test/bench/busy-hour.ts) runs in the four modes of layers.ts — the model alone, with the
// fingerprint, with the observers, with both — each in a fresh process (layers-child.ts), taking
// turns run by run. Every mode must dispatch the same events, and the two fingerprinting modes
// must agree on the fingerprint, before any figure is kept. A layer's cost is its mode's time
// minus the model's; "both layers" is everything minus the model: with both on, each costs a
// little more than alone (they share the processor's caches and the trace's call sites).
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { root } from "./children.ts";
import { layerModes, type LayerMode, type LayerRun } from "./layers.ts";
import type { BenchOptions } from "./options.ts";
import { median, record } from "./rows.ts";

const file = path.join("test", "bench", "busy-hour.ts");
const child = path.join(import.meta.dirname, "layers-child.ts");

function layerRun(mode: LayerMode): Omit<LayerRun, "metrics"> {
  const result = spawnSync(process.execPath, ["--import", "tsx", child, file, mode], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(`layers-child.ts ${file} ${mode} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Omit<LayerRun, "metrics">;
}

export function layersSection({ repeats }: BenchOptions): void {
  console.log(
    `\n8. layers: the busy hour's CPU time (the run only, in-process) by layer (median of ${repeats}, modes taking turns)`,
  );
  const times = new Map<LayerMode, number[]>(layerModes.map((mode) => [mode, []]));
  const seen: Omit<LayerRun, "metrics">[] = [];
  for (let r = 0; r < repeats; r++)
    for (let k = 0; k < layerModes.length; k++) {
      const run = layerRun(layerModes[(k + r) % layerModes.length]);
      times.get(run.mode)!.push(run.cpuS);
      seen.push(run);
    }
  checkSameRun(seen);
  const cpu = (mode: LayerMode) => median(times.get(mode)!);
  record("layers", "busy hour CPU: model alone", cpu("model"), "s");
  record("layers", "busy hour CPU: model and fingerprint", cpu("fingerprint"), "s");
  record("layers", "busy hour CPU: model and observers", cpu("observers"), "s");
  record("layers", "busy hour CPU: everything (as sim run)", cpu("all"), "s");
  record(
    "layers",
    "fingerprint alone, share of everything",
    (cpu("fingerprint") - cpu("model")) / cpu("all"),
    "ratio",
  );
  record(
    "layers",
    "observers alone, share of everything",
    (cpu("observers") - cpu("model")) / cpu("all"),
    "ratio",
  );
  record(
    "layers",
    "both layers, share of everything",
    (cpu("all") - cpu("model")) / cpu("all"),
    "ratio",
  );
  record("layers", "model, ns per engine event", (cpu("model") / seen[0].events) * 1e9, "ns");
}

/** The same run in every mode: the same events, and one fingerprint where there is one. */
function checkSameRun(runs: readonly Omit<LayerRun, "metrics">[]): void {
  const events = new Set(runs.map((run) => run.events));
  const fingerprints = new Set(
    runs.filter((run) => run.fingerprint !== "").map((run) => run.fingerprint),
  );
  if (events.size !== 1 || fingerprints.size !== 1)
    throw new Error(
      `layers: the modes did not run the same events (events ${[...events].join(", ")}; fingerprints ${[...fingerprints].join(", ")})`,
    );
}
