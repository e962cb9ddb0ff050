// The chart series of a run: one bounded observer over the whole trace, and runScenario's
// result.series. Memory must not grow with run length: buckets stay ≤ maxBuckets on long runs.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { SeriesObserver } from "../../sim/metrics/series.ts";
import { maxBuckets } from "../../sim/metrics/time-buckets.ts";
import { baseScenario } from "../scenario/scenario-helpers.ts";
import { tinyWorld, us, write } from "./trace-fixtures.ts";

describe("SeriesObserver", () => {
  it("stays within maxBuckets buckets on a 400-day trace", () => {
    const days = 400;
    const world = tinyWorld({ durationS: days * 86_400 });
    const observer = new SeriesObserver(world);
    for (let hour = 0; hour < days * 24; hour++) {
      for (const event of write(hour, hour * 3600, hour % 97 === 0 ? "fail" : "ack"))
        observer.observe(event);
      observer.observe({
        kind: "replicated",
        tUs: us(hour * 3600 + 1),
        node: "db2",
        lagUs: us(0.05),
        position: hour,
      });
    }
    observer.observe({ kind: "run_end", tUs: world.durationUs + us(1), authority: "db1" });
    const series = observer.series();
    expect(series.bucketCount).toBeLessThanOrEqual(maxBuckets);
    expect(series.bucketUs).toBe(us(6 * 3600));
    for (const client of series.writes) {
      expect(client.acked).toHaveLength(series.bucketCount);
      for (const failed of client.failed) expect(failed.counts).toHaveLength(series.bucketCount);
    }
    for (const node of series.lag) expect(node.worstLagUs).toHaveLength(series.bucketCount);
    const acked = series.writes[0].acked.reduce((a, b) => a + b, 0);
    const failed = series.writes[0].failed.flatMap((f) => f.counts).reduce((a, b) => a + b, 0);
    expect(acked + failed).toBe(days * 24);
  });

  it("refuses to be read before run_end", () => {
    expect(() => new SeriesObserver(tinyWorld()).series()).toThrow(/before run_end/);
  });
});

describe("runScenario's series", () => {
  it("covers the run with adaptive buckets and keeps the story's main events", () => {
    const scenario = { ...baseScenario(), duration: "3h", clients: { writes: "1/s" } };
    const result = runScenario(scenario, { file: "scenarios/test.ts" });
    const { series } = result;
    // 3 h plus the 1 s drain is 10,801 s: 5 s buckets would be 2,161 of them, 10 s fit.
    expect(series.bucketUs).toBe(us(10));
    expect(series.bucketCount).toBe(1081);
    expect(series.endUs).toBe(result.endUs);
    expect(series.writes.map((client) => client.client)).toEqual(["clients"]);
    const issued = series.writes[0].acked.reduce((a, b) => a + b, 0);
    expect(issued).toBe(result.metrics.writes_acked);
    expect(series.keyEvents.events.length).toBeGreaterThan(0);
    expect(series.keyEvents.closing.at(-1)?.kind).toBe("run_end");
  });
});
