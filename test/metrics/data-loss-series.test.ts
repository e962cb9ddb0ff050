// Divergent writes per bucket and node, and lost stretches (capped).
import { describe, expect, it } from "vitest";
import { DataLossSeriesObserver, maxLostStretches } from "../../sim/metrics/data-loss-series.ts";
import { TimeBuckets } from "../../sim/metrics/time-buckets.ts";
import { us } from "./trace-fixtures.ts";

describe("DataLossSeriesObserver", () => {
  it("counts divergent acceptances by bucket and node and keeps lost stretches", () => {
    const observer = new DataLossSeriesObserver(new TimeBuckets(us(3)));
    observer.observe({
      kind: "write_accepted",
      tUs: us(0.5),
      node: "db1",
      id: 1,
      divergent: false,
    });
    observer.observe({ kind: "write_accepted", tUs: us(1.5), node: "db1", id: 2, divergent: true });
    observer.observe({ kind: "write_accepted", tUs: us(1.7), node: "db1", id: 3, divergent: true });
    observer.observe({
      kind: "writes_lost",
      tUs: us(3),
      node: "db1",
      count: 2,
      firstUs: us(1.5),
      lastUs: us(1.7),
      rpoUs: us(1.2),
    });
    observer.observe({
      kind: "writes_lost",
      tUs: us(3),
      node: "db2",
      count: 0,
      firstUs: 0,
      lastUs: 0,
      rpoUs: 0,
    });
    expect(observer.series()).toEqual({
      divergent: [{ node: "db1", counts: [0, 2, 0] }],
      lost: [{ node: "db1", count: 2, firstUs: us(1.5), lastUs: us(1.7) }],
      lostStretchesOmitted: 0,
    });
  });

  it("keeps at most maxLostStretches stretches and counts the rest", () => {
    const observer = new DataLossSeriesObserver(new TimeBuckets(us(3)));
    for (let i = 0; i < maxLostStretches + 5; i++) {
      observer.observe({
        kind: "writes_lost",
        tUs: us(3),
        node: "db1",
        count: 1,
        firstUs: i,
        lastUs: i,
        rpoUs: 0,
      });
    }
    expect(observer.series().lost).toHaveLength(maxLostStretches);
    expect(observer.series().lostStretchesOmitted).toBe(5);
  });
});
