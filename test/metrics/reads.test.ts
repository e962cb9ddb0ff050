// Reads and read-your-writes: the counts from trace events, then whole runs whose answers are
// worked out by hand. The cluster: db1 primary, db2 hot standby, mon; every message takes
// exactly 1 ms; db1 ships each entry 200 ms after its commit (async), db2 applies it on arrival.
// One connection writes once a second (t = 0, 1, 2 … s) and reads ten times a second
// (t = 0, 0.1, 0.2 … s), evenly spaced, for 60 s: 60 writes and 600 reads.
//
// Write k, issued at k s: reaches db1 at k + 0.001, is committed and acknowledged (async), the
// acknowledgement reaches the client at k + 0.002; shipped at k + 0.201, it reaches db2 and is
// applied at k + 0.202. A read carries the connection's last acknowledged write and reaches its
// node 1 ms after it is sent:
//   read at k + 0.0: last acknowledged write is k − 1 (write k is still in flight) → db2 has it;
//                    for k = 0 there is none yet → nothing to miss;
//   read at k + 0.1: last acknowledged write k; at db2 at k + 0.101 < k + 0.202 → stale;
//   read at k + 0.2: at db2 at k + 0.201 < k + 0.202 → stale (1 ms short);
//   read at k + 0.3 … k + 0.9: at db2 after k + 0.202 → fresh.
// So from the standby: 2 violations a second, 120 in all. From the primary: none (it committed
// write k before acknowledging it). From "any" (db1, db2, db1, … in turn, read i to node i mod 2):
// the read at k + 0.1 (index 10k + 1) goes to db2 and is stale, the one at k + 0.2 to db1 and is
// fresh: 60.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { summarize } from "../../sim/metrics/summary.ts";
import { defineScenario } from "../../sim/scenario/index.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import { initialRoles, runEnd, timeOrdered, tinyWorld, us } from "./trace-fixtures.ts";

const lagging = (readFrom: "primary" | "standbys" | "any") =>
  defineScenario({
    name: "reads",
    summary: "hand-computed reads",
    duration: "60s",
    nodes: {
      db1: { role: "primary", zone: "a" },
      db2: { role: "standby", zone: "a" },
      mon: { role: "monitor", zone: "a" },
    },
    network: { latency: "1ms", jitter: "0ms" },
    replication: { mode: "async", lag: "200ms", applyDelay: "0ms" },
    clients: { writes: "1/s", reads: "10/s", readFrom, arrivals: "uniform" },
  });

const metricsOf = (readFrom: "primary" | "standbys" | "any") =>
  runScenario(lagging(readFrom), { file: "reads.ts" }).metrics;

describe("read counts", () => {
  it("counts attempted, served, failed and stale reads", () => {
    // Four reads: fresh, stale, rejected, timed out → attempted 4, served 2, failed 2, violations 1.
    const read = (tS: number, outcome: "fresh" | "stale" | "rejected" | "timeout"): TraceEvent => ({
      kind: "read",
      tUs: us(tS),
      client: "app",
      node: "db2",
      outcome,
      issuedUs: us(tS - 0.002),
    });
    const values = summarize(
      tinyWorld(),
      timeOrdered([
        ...initialRoles(),
        read(1, "fresh"),
        read(2, "stale"),
        read(3, "rejected"),
        read(4, "timeout"),
        runEnd(11),
      ]),
    );
    expect([
      values.reads_attempted,
      values.reads_served,
      values.reads_failed,
      values.ryw_violations,
    ]).toEqual([4, 2, 2, 1]);
  });
});

describe("hand-computed read-your-writes", () => {
  it("from a standby 200 ms behind: the two reads within 200 ms of each write are stale", () => {
    const m = metricsOf("standbys");
    expect([m.reads_attempted, m.reads_served, m.reads_failed]).toEqual([600, 600, 0]);
    expect(m.ryw_violations).toBe(120);
  });

  it("from the primary: none", () => {
    const m = metricsOf("primary");
    expect([m.reads_attempted, m.reads_served, m.ryw_violations]).toEqual([600, 600, 0]);
  });

  it("from any node in turn: only those sent to the standby", () => {
    expect(metricsOf("any").ryw_violations).toBe(60);
  });

  it("leaves the writes alone: reads draw from their own random stream", () => {
    // Poisson arrivals: the writes' issue times come from the group's stream, the reads' from
    // their own, so adding reads moves no write.
    const issueTimes = (clients: object) => {
      const times: number[] = [];
      runScenario(
        { ...lagging("standbys"), clients },
        {
          file: "reads.ts",
          onTrace: (event) => event.kind === "write_issued" && times.push(event.tUs),
        },
      );
      return times;
    };
    const without = issueTimes({ writes: "5/s" });
    expect(without.length).toBeGreaterThan(200);
    expect(issueTimes({ writes: "5/s", reads: "50/s", readFrom: "standbys" })).toEqual(without);
  });
});
