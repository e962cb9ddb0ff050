// Lanes (event-lane.ts) keep the event order of plain scheduling exactly: the same random
// schedule run with and without lanes dispatches the same events at the same times.
import { describe, expect, it } from "vitest";
import { Simulation, SimulationLimitError } from "../../sim/engine/index.ts";
import { runUntil } from "./run-until.ts";

function run(useLanes: boolean, seed: number): string[] {
  const sim = new Simulation<string>();
  const lanes = [sim.lane(), sim.lane()];
  let x = seed;
  const rand = (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return Math.floor((x / 2 ** 32) * n);
  };
  let next = 0;
  const schedule = (nowUs: number) => {
    const name = `e${next++}`;
    const kind = rand(4);
    if (kind < 2) {
      // A fixed delay per lane (a timeout), or now and then an early one that must bypass it.
      const delayUs = rand(10) === 0 ? rand(5) : kind === 0 ? 100 : 37;
      if (useLanes) sim.atInLane(lanes[kind], nowUs + delayUs, name);
      else sim.at(nowUs + delayUs, name);
    } else {
      sim.at(nowUs + rand(60), name);
    }
  };
  for (let i = 0; i < 20; i++) schedule(0);
  const seen: string[] = [];
  runUntil(sim, 50_000, (event, nowUs) => {
    seen.push(`${event}@${nowUs}`);
    if (next < 20_000) for (let k = 1 + rand(2); k > 0; k--) schedule(nowUs);
  });
  return seen;
}

describe("EventLane", () => {
  it("dispatches exactly as plain scheduling does", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const plain = run(false, seed);
      expect(plain.length).toBeGreaterThan(1000);
      expect(run(true, seed)).toEqual(plain);
    }
  });

  it("drops moot events undispatched and keeps the order of the live ones", () => {
    // Timeouts 100 µs after each of 50 requests (one every 10 µs); every request but those
    // numbered 7, 23 and 24 is answered 3 µs after it is sent. A plain run dispatches all 50
    // timeouts and the handler ignores the answered ones; the lane with a liveness test
    // dispatches exactly the three that act, at the same times, between the same other events.
    const trace = (live: boolean) => {
      const answered = new Set<number>();
      const sim = new Simulation<string>();
      const lane = live
        ? sim.lane((event) => !event.startsWith("timeout") || !answered.has(Number(event.slice(8))))
        : sim.lane();
      for (let i = 0; i < 50; i++) {
        sim.at(i * 10, `send ${i}`);
        if (![7, 23, 24].includes(i)) sim.at(i * 10 + 3, `answer ${i}`);
      }
      const acted: string[] = [];
      runUntil(sim, 10_000, (event, nowUs) => {
        const [what, n] = event.split(" ");
        if (what === "send") sim.atInLane(lane, nowUs + 100, `timeout ${n}`);
        if (what === "answer") answered.add(Number(n));
        if (what === "timeout" && !answered.has(Number(n))) acted.push(`${event}@${nowUs}`);
        if (what === "send" && Number(n) % 10 === 0) acted.push(`${event}@${nowUs}`);
      });
      return { acted, processed: sim.eventsProcessed, pending: sim.pending };
    };
    const plain = trace(false);
    const lean = trace(true);
    expect(lean.acted).toEqual(plain.acted);
    expect(lean.acted.filter((line) => line.startsWith("timeout"))).toEqual([
      "timeout 7@170",
      "timeout 23@330",
      "timeout 24@340",
    ]);
    expect(plain.processed).toBe(50 + 47 + 50);
    expect(lean.processed).toBe(50 + 47 + 3);
    expect(lean.pending).toBe(0);
  });

  it("hands each event it drops to onDrop once, and none it dispatches", () => {
    // Events 0…39 a microsecond apart. Those numbered 3 mod 4 are moot from the start (dropped
    // while the lane looks for its next live head); dispatching an even one makes the next one
    // moot after it already heads the lane (dropped when it is popped).
    const sim = new Simulation<number>();
    const moot = new Set([...Array(10).keys()].map((k) => 4 * k + 3));
    const dropped: number[] = [];
    const lane = sim.lane(
      (event) => !moot.has(event),
      (event) => dropped.push(event),
    );
    for (let i = 0; i < 40; i++) sim.atInLane(lane, 10 + i, i);
    const dispatched: number[] = [];
    runUntil(sim, 1_000, (event) => {
      dispatched.push(event);
      moot.add(event + 1);
    });
    const evens = [...Array(20).keys()].map((k) => 2 * k);
    expect(dispatched).toEqual(evens);
    expect([...dropped].sort((a, b) => a - b)).toEqual(evens.map((even) => even + 1));
  });

  it("counts its events as pending and within the limit", () => {
    const sim = new Simulation<number>({ maxEvents: 1e6, maxPending: 10 });
    const lane = sim.lane();
    for (let i = 0; i < 10; i++) sim.atInLane(lane, 100 + i, i);
    expect(sim.pending).toBe(10);
    expect(() => sim.atInLane(lane, 200, 11)).toThrow(SimulationLimitError);
  });
});
