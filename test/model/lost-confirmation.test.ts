// A promotion whose confirmation is lost (found by `sim fuzz scenarios/clock-skew-lease.ts
// --invariant recovers-after-faults`): leases with one coordination store, dcs. A 16 s blip
// from 67 s cuts db1 and the clients off from db2 and dcs; db1's lease expires and dcs orders
// db2 promoted at ≈90 s — then dcs crashes at 90.416 s and restarts at 91.016 s. db2 finishes
// promoting at ≈91 s and sends "promoted" to dcs while it is down. Before the fix the cluster
// state stayed "promoting db2" for good: the clients were never rerouted from the fenced db1 and
// every write was rejected to the end of the run (280 s of downtime). Now db2's next lease
// renewal (every 10 s), which reports it primary of epoch 2, confirms the promotion and the
// clients follow — at ≈100 s.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { loadScenarioFile } from "../../sim/scenario/load.ts";

const file = path.join(import.meta.dirname, "..", "..", "scenarios", "clock-skew-lease.ts");

describe("a lost promotion confirmation", () => {
  it("is made up for by the promoted node's report, and the clients are rerouted", async () => {
    const base = (await loadScenarioFile(file)) as Record<string, unknown>;
    const { faults: _faults, chaos: _chaos, expect: _expect, ...cluster } = base;
    const scenario = {
      ...cluster,
      seed: 1871707502,
      faults: [
        { at: "67s", fault: { kind: "blip", duration: "16s", groups: [["west"], ["east"]] } },
        { at: "90.416s", fault: { kind: "crash", node: "dcs" } },
        { at: "91.016s", fault: { kind: "restart", node: "dcs" } },
      ],
    };
    const result = runScenario(scenario, { file, trace: "changes" });
    const promoted = result.events.find((event) => event.kind === "promoted");
    const reroute = result.events.find((event) => event.kind === "reroute");
    expect(promoted).toMatchObject({ node: "db2" });
    expect(reroute).toBeDefined();
    // Rerouted after dcs is back, at db2's next renewal: within one renewal period (10 s) and
    // the message's trip of db2's promotion.
    expect(reroute!.tUs).toBeGreaterThan(91.016e6);
    expect(reroute!.tUs).toBeLessThan(promoted!.tUs + 10e6 + 0.1e6);
    // Downtime: the blip's fencing (≈80 s) to the reroute (≈100 s), not the rest of the run.
    expect(result.metrics.downtime_s).toBeLessThan(30);
  });
});
