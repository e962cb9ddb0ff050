// The scenarios of the systems the seeds name — circuit-breaker, kafka-isr,
// multi-region-evacuation, partial-standin, kubernetes-self-healing — tell figures in their
// headers ("What to watch", seed 1, and the variation each lesson rests on): here they are run
// and held to those figures, so a header cannot drift from what the scenario does.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../sim/model/index.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { applyOverrides } from "../../sim/scenario/index.ts";
import { loadScenarioFile } from "../../sim/scenario/load.ts";

const root = path.join(import.meta.dirname, "..", "..");
const S = 1_000_000;

async function run(name: string, ...assignments: string[]) {
  const file = `scenarios/${name}.ts`;
  const scenario = applyOverrides(await loadScenarioFile(path.join(root, file)), assignments, file);
  const trace: TraceEvent[] = [];
  const result = runScenario(scenario, { file, onTrace: (event) => trace.push(event) });
  const at = (kind: TraceEvent["kind"]) =>
    trace.filter((event) => event.kind === kind).map((event) => event.tUs / S);
  return { metrics: result.metrics, groups: result.groups, trace, at };
}

describe("the systems' scenarios tell what they run", () => {
  it("circuit-breaker: opens at 2:08, half-open at 2:38 after holding back 11,929 calls; recovered in 38 s", async () => {
    const { metrics, trace } = await run("circuit-breaker");
    const changes = trace.flatMap((event) => (event.kind === "breaker" ? [event] : []));
    expect(changes.map((event) => [Math.floor(event.tUs / S), event.state])).toEqual([
      [128, "open"],
      [158, "half-open"],
      [158, "closed"],
    ]);
    expect(changes[0]).toMatchObject({ failures: 1973, fires: 3568 });
    expect(changes[1].rejected).toBe(11_929);
    expect([metrics.writes_failed, metrics.writes_fallback]).toEqual([15_102, 15_102]);
    expect(metrics.rto_s).toBeCloseTo(38.0, 1);
    expect(metrics.downtime_s).toBeCloseTo(38.0, 1);
    expect(metrics.lost_writes).toBe(0);
  });

  it("circuit-breaker without a breaker never recovers: 31,304 errors, rto_s 179.9", async () => {
    const { metrics } = await run(
      "circuit-breaker",
      "clients.breaker.volumeThreshold=1000000000",
      "clients.breaker.fallback=false",
    );
    expect([metrics.writes_failed, metrics.writes_fallback]).toEqual([31_304, 0]);
    expect(metrics.availability).toBeCloseTo(0.738, 3);
    expect(metrics.rto_s).toBeCloseTo(179.9, 1);
  });

  it("kafka-isr: the ISR shrinks at 1:30 and 2:37 and grows at 7:01; clean election loses nothing", async () => {
    const { metrics, trace } = await run("kafka-isr");
    const changes = trace.flatMap((event) =>
      event.kind === "isr" ? [[Math.floor(event.tUs / S), event.members.join(" ")]] : [],
    );
    expect(changes).toEqual([
      [90, "b2"],
      [157, ""],
      [421, "b2"],
      [421, "b2 b3"],
    ]);
    expect(metrics.availability).toBeCloseTo(0.546, 3);
    expect(metrics.downtime_s).toBeCloseTo(271.0, 1);
    expect(metrics.detection_s).toBeCloseTo(7.0, 1);
    expect([metrics.failovers, metrics.lost_writes]).toEqual([0, 0]);
  });

  it("kafka-isr with unclean election: b3 leads at 4:07 and 18,152 acknowledged writes are lost", async () => {
    const { metrics, at } = await run("kafka-isr", "failover.uncleanElection=true");
    expect(at("promoted").map(Math.floor)).toEqual([247]);
    expect(metrics.lost_writes).toBe(18_152);
    expect(metrics.downtime_s).toBeCloseTo(150.05, 2);
  });

  it("multi-region-evacuation: scale-out decided at 8:00, in service at 13:00; rto_s 479.6", async () => {
    const { metrics, trace } = await run("multi-region-evacuation");
    const scaled = trace.flatMap((event) =>
      event.kind === "scale_out" ? [[event.tUs / S, event.node, event.launching]] : [],
    );
    expect(scaled.slice(0, 2)).toEqual([
      [480, "api-west", 4],
      [480, "api-eu", 4],
    ]);
    const capacity = trace.find((event) => event.kind === "capacity");
    expect(capacity).toMatchObject({ tUs: 780 * S, capacityPerS: 140 });
    expect(metrics.writes_failed).toBe(12_301);
    expect(metrics.availability).toBeCloseTo(0.955, 3);
    expect(metrics.rto_s).toBeCloseTo(479.6, 1);
  });

  it("partial-standin: payments 0.862, app 0.330, 2391 s on the stand-in, 3 writes lost", async () => {
    const { metrics, groups } = await run("partial-standin");
    expect(groups.map((group) => [group.group, group.writes.availability!.toFixed(3)])).toEqual([
      ["payments", "0.862"],
      ["app", "0.330"],
    ]);
    expect(metrics.partial_service_s).toBeCloseTo(2391.0, 1);
    expect(metrics.availability).toBeCloseTo(0.49, 3);
    expect(metrics.standby_cost).toBe(1.01);
    expect(metrics.lost_writes).toBe(3);
  });

  it("kubernetes-self-healing: restarts paced by the back-off; back 2 min 36 s after the fix", async () => {
    const { metrics, trace } = await run("kubernetes-self-healing");
    const restarts = (node: string) =>
      trace.flatMap((event) =>
        event.kind === "auto_restart" && event.node === node ? [event.tUs / S] : [],
      );
    expect(restarts("api1")).toEqual([120, 135, 160, 205, 290, 455, 760]);
    expect(restarts("api2")).toEqual([30, 130, 155, 200, 285, 450, 755]);
    expect(metrics.restarts).toBe(21);
    expect(metrics.rto_s).toBeCloseTo(636.0, 1);
    expect(metrics.availability).toBeCloseTo(0.507, 3);
    expect(metrics.writes_failed).toBeGreaterThan(0);
  });
});
