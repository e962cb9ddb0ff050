// Reads in the model: where they go, what a node answers, and what makes an answer stale.
// Read-your-writes is judged against the log's timelines (history.ts): a lagging standby has not
// applied the write yet; a node on another timeline never will.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import {
  at,
  crash,
  defineScenario,
  type ClientSpec,
  type Duration,
} from "../../sim/scenario/index.ts";

const cluster = (
  clients: ClientSpec,
  faults: ReturnType<typeof at>[] = [],
  duration: Duration = "2m",
) =>
  defineScenario({
    name: "reads",
    summary: "reads",
    duration,
    nodes: {
      db1: { role: "primary", zone: "a" },
      db2: { role: "standby", zone: "a" },
      db3: { role: "standby", zone: "a" },
      mon: { role: "monitor", zone: "a" },
    },
    network: { latency: "1ms", jitter: "0ms" },
    // Each entry shipped on its own, exactly `lag` after its commit, as the prediction assumes.
    replication: { mode: "async", lag: "200ms", shipWindow: "0ms", applyDelay: "0ms" },
    detector: { kind: "timeout", interval: "1s", timeout: "3s" },
    clients,
    faults,
  });

function reads(scenario: unknown, seed = 1): Extract<TraceEvent, { kind: "read" }>[] {
  const events: Extract<TraceEvent, { kind: "read" }>[] = [];
  runScenario(scenario, {
    file: "reads.ts",
    seed,
    trace: "none",
    onTrace: (event) => event.kind === "read" && events.push(event),
  });
  return events;
}

describe("reads from an asynchronous standby 200 ms behind", () => {
  // 200 connections share 100 writes/s: each writes about every 2 s. A read is stale when its
  // connection's last write was acknowledged less than the lag ago — 200 ms after the commit,
  // less the 1 ms the acknowledgement and the 1 ms the read take: a window of 0.199 s in 2 s.
  // Connections have no write to miss during their first ~2 s (of 120 s). Predicted share of
  // stale answers: 0.199 / 2 × 118 / 120 ≈ 0.098.
  const scenario = cluster({
    writes: "100/s",
    reads: "400/s",
    readFrom: "standbys",
    connections: 200,
  });

  it("give about as many violations as the lag predicts", () => {
    for (const seed of [1, 2, 3]) {
      const outcomes = reads(scenario, seed);
      const served = outcomes.filter(
        (read) => read.outcome === "fresh" || read.outcome === "stale",
      );
      const stale = outcomes.filter((read) => read.outcome === "stale").length;
      expect(served.length).toBe(outcomes.length);
      expect(stale / served.length).toBeGreaterThan(0.09);
      expect(stale / served.length).toBeLessThan(0.11);
    }
  });

  it("are spread over the standbys, never the primary", () => {
    const nodes = new Set(reads(scenario).map((read) => read.node));
    expect([...nodes].sort()).toEqual(["db2", "db3"]);
  });

  it("from the primary instead: none is stale", () => {
    const outcomes = reads(
      cluster({ writes: "100/s", reads: "400/s", readFrom: "primary", connections: 200 }),
    );
    expect(outcomes.length).toBeGreaterThan(40_000);
    expect(outcomes.every((read) => read.outcome === "fresh" && read.node === "db1")).toBe(true);
  });
});

describe("reads across a failover", () => {
  // db1 crashes at 30 s with about 20 acknowledged writes not yet shipped (200 ms × 100/s); db2 is
  // promoted on a new timeline without them. A connection whose last write was one of those reads
  // from the new primary and misses it — forever, until it writes again.
  it("the new primary's answers miss the lost writes: stale reads from the primary", () => {
    const result = runScenario(
      cluster(
        { writes: "100/s", reads: "400/s", readFrom: "primary", connections: 200 },
        [at("30s", crash("db1"))],
        "1m",
      ),
      {
        file: "reads.ts",
      },
    );
    expect(result.metrics.lost_writes).toBeGreaterThan(0);
    expect(result.metrics.ryw_violations).toBeGreaterThan(0);
    // Only a connection whose last write was lost reads stale, until its next write (~2 s, about
    // 4 reads): of the order of 4 × 20, far fewer than the reads.
    expect(result.metrics.ryw_violations).toBeLessThan(result.metrics.reads_served! / 100);
  });

  it("a crashed standby: its reads time out, then it is skipped for readRecheck and the others serve", () => {
    // db3 crashes at 10 s. Reads alternate db2, db3; those sent to db3 in the second before the
    // first timeout (10 … 11 s) fail; then db3 is skipped for 10 s, tried again once (one more
    // second of failures), and so on: about 1 s of db3's share in every 11 s.
    const scenario = cluster(
      { writes: "10/s", reads: "100/s", readFrom: "standbys", arrivals: "uniform" },
      [at("10s", crash("db3"))],
      "1m",
    );
    const outcomes = reads(scenario);
    const failed = outcomes.filter((read) => read.outcome === "timeout");
    expect(failed.every((read) => read.node === "db3")).toBe(true);
    // 50 reads in the first second (half of 100/s), then a few per retry of db3 (at ~21 s, 32 s, 43 s, 54 s).
    expect(failed.length).toBeGreaterThanOrEqual(50);
    expect(failed.length).toBeLessThan(50 * 5 + 10);
    const afterFirst = outcomes.filter(
      (read) => read.issuedUs > 11_100_000 && read.issuedUs < 21_000_000,
    );
    expect(afterFirst.every((read) => read.node === "db2")).toBe(true);
  });

  it("a node that is not serving refuses reads at once, and is skipped", () => {
    // db1 crashes at 10 s; mon suspects it at ~12 s and db2 is promoting for 1 s: it refuses reads
    // then (answered at once, not timed out), and the reads go to db3 for the next 10 s.
    const outcomes = reads(
      cluster(
        { writes: "10/s", reads: "100/s", readFrom: "standbys", arrivals: "uniform" },
        [at("10s", crash("db1"))],
        "30s",
      ),
    );
    const rejected = outcomes.filter((read) => read.outcome === "rejected");
    expect(rejected.length).toBeGreaterThan(0);
    expect(
      rejected.every((read) => read.node === "db2" && read.tUs - read.issuedUs === 2_000),
    ).toBe(true);
    // Until the reroute to db2 (13.005 s) the standbys are db2 and db3, both running: no timeout.
    expect(outcomes.some((read) => read.outcome === "timeout" && read.issuedUs < 13_000_000)).toBe(
      false,
    );
  });
});

describe("reads and capacity", () => {
  it("share the node's queue with writes: beyond the queue limit they are refused", () => {
    // db1 handles 100 requests/s; 60 writes/s plus 60 reads/s from the primary exceed it, so the
    // queue grows past its 1 s limit and requests are refused — reads among them.
    const scenario = defineScenario({
      ...cluster(
        { writes: "60/s", reads: "60/s", readFrom: "primary", arrivals: "uniform" },
        [],
        "1m",
      ),
      nodes: {
        db1: { role: "primary", capacity: "100/s", queueLimit: "1s" },
        db2: { role: "standby" },
        mon: { role: "monitor" },
      },
    });
    const outcomes = reads(scenario);
    expect(outcomes.some((read) => read.outcome === "rejected")).toBe(true);
    expect(outcomes.some((read) => read.outcome === "fresh")).toBe(true);
  });
});
