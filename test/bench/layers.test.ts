// The layers rows run the same run in every mode (never a timing): the same engine events, the
// fingerprint of `sim run` where there is one, and — where the observers run — its metrics.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { layerModes, runLayers } from "./layers.ts";
import tiny from "./tiny-scenario.ts";

describe("the layers rows", () => {
  const reference = runScenario(tiny, { file: "tiny-scenario.ts", trace: "changes" });

  it.each(layerModes)("%s: the same run as sim run's", (mode) => {
    const run = runLayers(tiny, mode, "tiny-scenario.ts");
    expect(run.events).toBe(reference.eventsProcessed);
    const fingerprinted = mode === "fingerprint" || mode === "all";
    expect(run.fingerprint).toBe(fingerprinted ? reference.fingerprint : "");
    const observed = mode === "observers" || mode === "all";
    expect(run.metrics).toEqual(observed ? reference.metrics : null);
    expect(run.cpuS).toBeGreaterThan(0);
  });
});
