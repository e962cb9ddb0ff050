// The autoscaler of a pool server standing for a fleet (sim/model/autoscaler.ts) against values
// worked out by hand: demand per measurement, three measurements above the target before it
// acts, the number of instances launched and when they serve; then a whole run of two fleets that
// lose a third's traffic to each other.
import { describe, expect, it } from "vitest";
import type { AutoscaleConfig, TraceEvent } from "../../sim/model/index.ts";
import { Autoscaler } from "../../sim/model/autoscaler.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { at, crash, defineScenario } from "../../sim/scenario/index.ts";

const S = 1_000_000;
const config: AutoscaleConfig = {
  instanceCapacityPerS: 10,
  targetUtilization: 0.8,
  periodUs: 60 * S,
  periods: 3,
  launchUs: 300 * S,
  maxInstances: 100,
};

/** One measurement after `perS` requests a second for a minute. */
function minuteOf(scaler: Autoscaler, perS: number): number {
  for (let i = 0; i < perS * 60; i++) scaler.arrived();
  return scaler.measure();
}

describe("target tracking", () => {
  it("acts on the third measurement in a row above the target, for the demand at the target", () => {
    const scaler = new Autoscaler(config, 100);
    expect(scaler.instances).toBe(10);
    // 112.5/s on 10 instances of 10/s: 112.5 % > 80 %, three times; then ceil(112.5 / 8) = 15.
    expect(minuteOf(scaler, 112.5)).toBe(0);
    expect(minuteOf(scaler, 112.5)).toBe(0);
    expect(minuteOf(scaler, 112.5)).toBe(5);
    expect(scaler.planned).toBe(15);
    // Launching instances count as there: 112.5 on 15 planned is 75 %, below the target.
    expect(minuteOf(scaler, 112.5)).toBe(0);
    expect(scaler.launched(5)).toBe(150);
    expect(scaler.instances).toBe(15);
  });

  it("a measurement at or below the target starts the count again", () => {
    const scaler = new Autoscaler(config, 100);
    minuteOf(scaler, 90);
    minuteOf(scaler, 90);
    // 80/s is 80 %: not above.
    expect(minuteOf(scaler, 80)).toBe(0);
    expect(minuteOf(scaler, 90)).toBe(0);
    expect(minuteOf(scaler, 90)).toBe(0);
    // ceil(90 / 8) = 12.
    expect(minuteOf(scaler, 90)).toBe(2);
  });

  it("never beyond maxInstances", () => {
    const scaler = new Autoscaler({ ...config, maxInstances: 12, periods: 1 }, 100);
    expect(minuteOf(scaler, 500)).toBe(2);
    expect(minuteOf(scaler, 500)).toBe(0);
  });
});

describe("fleets in a run", () => {
  it("a fleet's traffic moves to the other; it serves its capacity until the new instances serve", () => {
    // 150 requests/s evenly spaced over two fleets of 100/s; f1 dies at 30 s, the balancer takes
    // it out 3 checks of 2 s later (36 s). f2 then gets 150/s for 100/s of capacity: measurements
    // at 60 s (the 24 s at 150/s and the 36 s at 75/s: 105/s), 120 s and 180 s (150/s) are above
    // 80 %; at 180 s it launches ceil(150 / 8) − 10 = 9 instances, serving at 480 s.
    const fleet = (zone: string) =>
      ({
        role: "server",
        zone,
        capacity: "100/s",
        queueLimit: "100ms",
        autoscale: { instance: "10/s", targetUtilization: 0.8 },
      }) as const;
    const scenario = defineScenario({
      name: "fleets",
      summary: "Two autoscaled fleets.",
      duration: "10m",
      nodes: { f1: fleet("a"), f2: fleet("b") },
      network: { latency: "1ms", jitter: "0ms" },
      clients: {
        writes: "150/s",
        zone: "edge",
        arrivals: "uniform",
        routing: { lb: { interval: "2s", timeout: "2s", fall: 3, rise: 2 } },
      },
      faults: [at("30s", crash("f1"))],
    });
    const trace: TraceEvent[] = [];
    const result = runScenario(scenario, { file: "fleets.ts", onTrace: (e) => trace.push(e) });
    const scaling = trace.filter(
      (event) => event.kind === "scale_out" || event.kind === "capacity",
    );
    expect(scaling).toEqual([
      {
        kind: "scale_out",
        tUs: 180 * S,
        node: "f2",
        launching: 9,
        instances: 19,
        readyAtUs: 480 * S,
      },
      { kind: "capacity", tUs: 480 * S, node: "f2", instances: 19, capacityPerS: 190 },
    ]);
    // From the outage to 480 s, a third of the 150/s is more than f2 can take: about 50/s
    // refused for 444 s, plus the requests sent to the dead f1 before 36 s.
    expect(result.metrics.rto_s).toBeCloseTo(450, 0);
    // 50/s × 444 s = 22,200 refused, and 75/s × 6 s = 450 sent to f1 before 36 s: 22,650.
    expect(result.metrics.writes_failed).toBeGreaterThan(22_500);
    expect(result.metrics.writes_failed).toBeLessThan(22_800);
  });
});
