// The simulation loop, driven through next() as the world drives it: order, clock, rounding
// of scheduled times, and the limits.
import { describe, expect, it } from "vitest";
import { Simulation, SimulationLimitError } from "../../sim/engine/index.ts";
import { runUntil } from "./run-until.ts";

describe("Simulation", () => {
  it("runs events in (time, sequence) order and advances the clock", () => {
    const sim = new Simulation<string>();
    const seen: string[] = [];
    sim.at(5, "b");
    sim.at(1, "a");
    sim.at(5, "c");
    runUntil(sim, 10, (event, nowUs) => {
      seen.push(`${event}@${nowUs}`);
      if (event === "a") sim.after(4, "d"); // lands at 5, after b and c which were scheduled earlier
    });
    expect(seen).toEqual(["a@1", "b@5", "c@5", "d@5"]);
    expect(sim.nowUs).toBe(10);
  });

  it("leaves events beyond the horizon pending", () => {
    const sim = new Simulation<number>();
    sim.at(100, 1);
    runUntil(sim, 50, () => {});
    expect(sim.pending).toBe(1);
    expect(sim.nowUs).toBe(50);
  });

  it("rejects the past and NaN", () => {
    const sim = new Simulation<number>();
    runUntil(sim, 10, () => {});
    expect(() => sim.at(5, 1)).toThrow(/now is 10/);
    expect(() => sim.at(8.5, 1)).toThrow(/in the past/);
    expect(() => sim.at(Number.NaN, 1)).toThrow(/in the past/);
  });

  it("rounds every scheduled time up to a whole microsecond, through every door", () => {
    const sim = new Simulation<string>();
    runUntil(sim, 10, () => {});
    sim.at(11.000001, "at");
    sim.after(0.2, "after");
    sim.after(-3, "negative delay");
    const lane = sim.lane();
    sim.atInLane(lane, 12.5, "lane");
    sim.at(9.99999, "a hair before now");
    const seen: string[] = [];
    runUntil(sim, 100, (event, nowUs) => seen.push(`${event}@${nowUs}`));
    expect(seen).toEqual([
      "negative delay@10",
      "a hair before now@10",
      "after@11",
      "at@12",
      "lane@13",
    ]);
  });
});

describe("Simulation's limits", () => {
  it("stops with a clear message at the event limit", () => {
    const sim = new Simulation<number>({ maxEvents: 100, maxPending: 1000 });
    sim.at(0, 0);
    let error: unknown;
    try {
      runUntil(sim, 1e9, (n) => sim.after(1, n + 1));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SimulationLimitError);
    expect((error as Error).message).toMatch(/stopped after 100 events at t=0.0001 s/);
  });

  it("stops with a clear message when too many events are pending", () => {
    const sim = new Simulation<number>({ maxEvents: 1e6, maxPending: 10 });
    expect(() => {
      for (let i = 0; i < 11; i++) sim.at(i, i);
    }).toThrow(/more than 10 events pending/);
  });

  it("counts events waiting in lanes against the pending limit when scheduling directly", () => {
    const sim = new Simulation<number>({ maxEvents: 1e6, maxPending: 10 });
    const lane = sim.lane();
    for (let i = 0; i < 6; i++) sim.atInLane(lane, 100 + i, i);
    for (let i = 0; i < 4; i++) sim.at(i, i);
    expect(sim.pending).toBe(10);
    expect(() => sim.at(50, 10)).toThrow(/more than 10 events pending/);
  });
});
