// Verdicts lost across a partition (found by `sim fuzz scenarios/cascading-overload.ts
// --invariant recovers-after-faults`): three monitors, one per zone, quorum 2. A 20 s blip at
// 10 s puts db2, mon2, mon3 and the clients on one side, db1, db3 and mon1 on the other. mon2
// and mon3 promote db2; db2 (capacity 150/s under 200 writes/s) falls behind its probes and they
// suspect it at 27 s — but mon1 never hears those verdicts, which are sent once, on the change,
// while the link is cut. At the heal mon1 is the acting controller again (the first monitor with
// a majority): it believes db2 suspected by itself alone, below the quorum, and before the fix
// never failed over again — 585 s of downtime to the end of the run. Now every monitor tells the
// others each round which nodes it suspects, so mon1 learns within a round (2 s) of the heal
// that mon2 and mon3 suspect db2, and fails over.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { loadScenarioFile } from "../../sim/scenario/load.ts";

const file = path.join(import.meta.dirname, "..", "..", "scenarios", "cascading-overload.ts");

describe("verdicts lost across a partition", () => {
  it("are repaired each round, so the acting controller reaches its quorum after the heal", async () => {
    const base = (await loadScenarioFile(file)) as Record<string, unknown>;
    const { faults: _faults, chaos: _chaos, expect: _expect, ...cluster } = base;
    const scenario = {
      ...cluster,
      seed: 210676108,
      faults: [
        {
          at: "10s",
          fault: {
            kind: "blip",
            duration: "20s",
            groups: [
              ["db2", "mon2", "mon3", "clients"],
              ["db1", "db3", "mon1"],
            ],
          },
        },
      ],
    };
    const result = runScenario(scenario, { file, trace: "changes" });
    const afterHeal = result.events.filter(
      (event) => event.kind === "failover_start" && event.tUs >= 30e6,
    );
    expect(afterHeal.length).toBeGreaterThanOrEqual(1);
    // The first failover after the heal comes within two 2 s rounds of it.
    expect(afterHeal[0].tUs).toBeLessThan(34e6);
    expect(result.metrics.downtime_s).toBeLessThan(60);
  });
});
