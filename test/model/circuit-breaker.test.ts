// The circuit breaker (sim/model/circuit-breaker.ts) against opossum's rules worked by hand: the
// rolling window of buckets on a fixed clock, opening strictly above the threshold once the
// volume is reached, fires counting rejected calls, one trial call when half-open; then whole
// runs: a primary that stops answering, with the breaker's fallback and without it.
import { describe, expect, it } from "vitest";
import type { BreakerConfig, TraceEvent } from "../../sim/model/index.ts";
import { CircuitBreaker } from "../../sim/model/circuit-breaker.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { at, crash, defineScenario, restart, type Scenario } from "../../sim/scenario/index.ts";

const S = 1_000_000;
const opossum: BreakerConfig = {
  errorThresholdPercentage: 50,
  halfOpenAfterUs: 30 * S,
  rollingCountTimeoutUs: 10 * S,
  rollingCountBuckets: 10,
  volumeThreshold: 0,
  fallback: false,
};

describe("the breaker's rules", () => {
  it("opens when failures exceed the threshold, not when they reach it", () => {
    const breaker = new CircuitBreaker(opossum);
    // Two calls fired, both go out; one fails: 1 / 2 = 50 %, not above 50 %.
    expect(breaker.fire(0)).toBe(true);
    expect(breaker.fire(0)).toBe(true);
    expect(breaker.failed(0)).toBeNull();
    // The second fails too: 2 / 2 = 100 % > 50 %.
    expect(breaker.failed(0)).toMatchObject({ state: "open", fires: 2, failures: 2 });
    expect(breaker.state).toBe("open");
  });

  it("counts the window over the last 10 buckets of 1 s, on a clock from 0", () => {
    const breaker = new CircuitBreaker(opossum);
    // 3 successful calls at 0.5 s (bucket 0), then one failure at 10.2 s (bucket 10): bucket 0
    // has left the window, so the failure is 1 of 1 call.
    for (let i = 0; i < 3; i++) breaker.fire(500_000);
    expect(breaker.window(9_999_999)).toEqual({ fires: 3, failures: 0 });
    expect(breaker.window(10_000_000)).toEqual({ fires: 0, failures: 0 });
    breaker.fire(10_200_000);
    expect(breaker.failed(10_200_000)).toMatchObject({ state: "open", fires: 1, failures: 1 });
  });

  it("a failure within the window of enough successes does not open it", () => {
    const breaker = new CircuitBreaker(opossum);
    for (let i = 0; i < 3; i++) breaker.fire(500_000);
    breaker.fire(9_500_000);
    // 1 failure in 4 fires (buckets 0 and 9): 25 %.
    expect(breaker.failed(9_500_000)).toBeNull();
  });

  it("volumeThreshold: no opening below that many fires in the window", () => {
    const breaker = new CircuitBreaker({ ...opossum, volumeThreshold: 3 });
    breaker.fire(0);
    breaker.fire(0);
    expect(breaker.failed(0)).toBeNull();
    expect(breaker.failed(0)).toBeNull();
    breaker.fire(0);
    expect(breaker.failed(0)).toMatchObject({ state: "open", fires: 3, failures: 3 });
  });

  it("open: calls are rejected and counted as fires; after the reset, one trial call", () => {
    const breaker = new CircuitBreaker(opossum);
    breaker.fire(0);
    breaker.failed(0);
    expect(breaker.fire(1 * S)).toBe(false);
    expect(breaker.fire(2 * S)).toBe(false);
    expect(breaker.window(2 * S)).toEqual({ fires: 3, failures: 1 });
    // A timer of an earlier opening is void.
    expect(breaker.halfOpen(breaker.generation - 1, 30 * S)).toBeNull();
    expect(breaker.halfOpen(breaker.generation, 30 * S)).toMatchObject({
      state: "half-open",
      rejected: 2,
    });
    expect(breaker.fire(30 * S)).toBe(true);
    expect(breaker.fire(30 * S)).toBe(false);
    expect(breaker.succeeded(31 * S)).toMatchObject({ state: "closed" });
    expect(breaker.fire(31 * S)).toBe(true);
  });

  it("a failed trial call opens it again for another reset timeout", () => {
    const breaker = new CircuitBreaker(opossum);
    breaker.fire(0);
    breaker.failed(0);
    const first = breaker.generation;
    breaker.halfOpen(first, 30 * S);
    breaker.fire(30 * S);
    expect(breaker.failed(33 * S)).toMatchObject({ state: "open" });
    expect(breaker.generation).toBe(first + 1);
  });
});

/** 100 writes/s evenly spaced, a 1 s timeout, a breaker with a 2 s window and a 5 s reset. */
function guarded(fallback: boolean, faults: Scenario["faults"]): Scenario {
  return defineScenario({
    name: "guarded",
    summary: "Clients behind a circuit breaker.",
    duration: "1m",
    nodes: { db1: { role: "primary", zone: "a" }, mon: { role: "monitor", zone: "b" } },
    network: { latency: "1ms", jitter: "0ms" },
    replication: { lag: "0ms" },
    failover: { automatic: false },
    clients: {
      writes: "100/s",
      zone: "a",
      arrivals: "uniform",
      timeout: "1s",
      breaker: {
        errorThresholdPercentage: 50,
        resetTimeout: "5s",
        rollingCountTimeout: "2s",
        rollingCountBuckets: 2,
        fallback,
      },
    },
    faults,
  });
}

function run(scenario: Scenario) {
  const trace: TraceEvent[] = [];
  const result = runScenario(scenario, { file: "guarded.ts", onTrace: (e) => trace.push(e) });
  const changes = trace.flatMap((event) =>
    event.kind === "breaker" ? [[event.tUs / S, event.state] as const] : [],
  );
  return { result, changes };
}

describe("a breaker in a run", () => {
  // db1 is down from 20 s to 32 s. Writes every 10 ms from 0 s; those issued from 20.00 s time
  // out 1 s later, from 21.00 s. The window is the current 1 s bucket and the one before. At
  // 21.99 s (the timeout of the write of 20.99 s comes before the write issued then) it holds the
  // 100 writes of 20.00–20.99 s and the 99 of 21.00–21.98 s — 199 fires — and 100 failures:
  // 100 > 99.5, it opens. Half-open 5 s later; the trial call times out 1 s after that and it
  // opens again; the next trial, at 32.99 s, finds db1 back (restarted at 32 s and resumed).
  const faults = [at("20s", crash("db1")), at("32s", restart("db1"))];

  it("opens once failures pass half the calls, half-opens 5 s later, trial by trial", () => {
    const { changes } = run(guarded(true, faults));
    expect(changes).toEqual([
      [21.99, "open"],
      [26.99, "half-open"],
      [27.99, "open"],
      [32.99, "half-open"],
      [32.992, "closed"],
    ]);
  });

  it("with a fallback, every failed write is answered by it", () => {
    const { result } = run(guarded(true, faults));
    const failed = result.metrics.writes_failed!;
    expect(result.metrics.writes_fallback).toBe(failed);
    // The writes of 20.00–32.98 s fail: 1,299 (the trial of 32.99 s succeeds).
    expect(failed).toBe(1299);
  });

  it("without one, the same writes fail as errors: breaker-open ones at once", () => {
    const { result } = run(guarded(false, faults));
    expect(result.metrics.writes_fallback).toBe(0);
    expect(result.metrics.writes_failed).toBe(1299);
  });
});
