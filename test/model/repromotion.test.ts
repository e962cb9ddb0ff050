// A node ordered promoted again, into a newer epoch, while its first promotion is under way
// (found by `sim fuzz scenarios/read-replica-lag.ts --invariant recovers-after-faults`): the only
// monitor freezes for 28 s; when it wakes, every detector has timed out at once. It fails db1
// over to db2 (epoch 2), then — db2 being suspected too — db2 over to db3 (epoch 3), then, as db2
// is heard again, db3 back to db2 (epoch 4). The epoch-4 order reaches db2 while it is still
// catching up for epoch 2. Before the fix db2 ignored it (it promotes only from standby), became
// primary of epoch 2, and the controller — waiting for epoch 4 — never rerouted the clients:
// every write failed to the end of the run. Now the promotion goes on under epoch 4, its step due
// when it was, and the controller also re-sends an order to a node that reports an older epoch.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/metrics/run-scenario.ts";
import { loadScenarioFile } from "../../sim/scenario/load.ts";

const file = path.join(import.meta.dirname, "..", "..", "scenarios", "read-replica-lag.ts");

describe("a second promotion order while the first is under way", () => {
  it("carries the promotion into the newer epoch, and the clients are rerouted", async () => {
    const base = (await loadScenarioFile(file)) as Record<string, unknown>;
    const { faults: _faults, chaos: _chaos, expect: _expect, ...cluster } = base;
    const scenario = { ...cluster, seed: 27419630, faults: [{ at: "153.125s", fault: { kind: "pause", node: "mon", duration: "28.056s" } }] };
    const result = runScenario(scenario, { file, trace: "changes" });
    const db2Promoted = result.events.filter((event) => event.kind === "promoted" && event.node === "db2");
    expect(db2Promoted).toHaveLength(1);
    expect(db2Promoted[0]).toMatchObject({ epoch: 4 });
    const reroute = result.events.find((event) => event.kind === "reroute" && event.tUs > 181e6);
    expect(reroute).toMatchObject({ target: "db2" });
    // Writes fail from the wake-up (≈181.2 s) until db2 takes them (≈182.2 s), not to the end.
    expect(result.metrics.downtime_s).toBeLessThan(5);
  });
});
