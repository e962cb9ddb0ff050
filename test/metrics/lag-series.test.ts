// Replication lag per bucket: the worst sample in each bucket, null where nothing was applied.
import { describe, expect, it } from "vitest";
import { LagSeriesObserver } from "../../sim/metrics/lag-series.ts";
import { TimeBuckets } from "../../sim/metrics/time-buckets.ts";
import { us } from "./trace-fixtures.ts";

describe("LagSeriesObserver", () => {
  it("keeps the worst lag per bucket per node, and no value for buckets without applies", () => {
    const observer = new LagSeriesObserver(new TimeBuckets(us(4)));
    const replicated = (node: string, tS: number, lagS: number) =>
      observer.observe({ kind: "replicated", tUs: us(tS), node, lagUs: us(lagS), position: 1 });
    replicated("db2", 0.2, 0.05);
    replicated("db2", 0.7, 0.2);
    replicated("db2", 0.9, 0.1);
    replicated("db2", 3.5, 1.5);
    replicated("db3", 1.1, 0);
    expect(observer.series()).toEqual([
      { node: "db2", worstLagUs: [us(0.2), null, null, us(1.5)] },
      { node: "db3", worstLagUs: [null, 0, null, null] },
    ]);
  });
});
