// Write outcomes per bucket and client group, counted by issue time.
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../sim/model/index.ts";
import { TimeBuckets } from "../../sim/metrics/time-buckets.ts";
import { WriteSeriesObserver } from "../../sim/metrics/write-series.ts";
import { us, write } from "./trace-fixtures.ts";

describe("WriteSeriesObserver", () => {
  it("counts acked and failed writes in the bucket of their issue time, per client group", () => {
    const observer = new WriteSeriesObserver(new TimeBuckets(us(4)), ["app", "batch"]);
    const rejected: TraceEvent = {
      kind: "write_failed",
      tUs: us(2.1),
      client: "app",
      id: 9,
      issuedUs: us(2.0),
      reason: "rejected",
    };
    // A write issued at 0.9 s that times out at 1.9 s counts at 0.9 s, in bucket 0.
    for (const event of [
      ...write(1, 0.1, "ack"),
      ...write(2, 0.9, "fail"),
      ...write(3, 1.5, "ack"),
      rejected,
      ...write(4, 3.2, "ack", { client: "batch" }),
    ]) {
      observer.observe(event);
    }
    expect(observer.series()).toEqual([
      {
        client: "app",
        acked: [1, 1, 0, 0],
        failed: [
          { reason: "rejected", counts: [0, 0, 1, 0] },
          { reason: "timeout", counts: [1, 0, 0, 0] },
        ],
      },
      {
        client: "batch",
        acked: [0, 0, 0, 1],
        failed: [
          { reason: "rejected", counts: [0, 0, 0, 0] },
          { reason: "timeout", counts: [0, 0, 0, 0] },
        ],
      },
    ]);
  });

  it("keeps a failure reason it does not know, after the known ones", () => {
    const observer = new WriteSeriesObserver(new TimeBuckets(us(2)), ["app"]);
    observer.observe({
      kind: "write_failed",
      tUs: us(1.5),
      client: "app",
      id: 1,
      issuedUs: us(1),
      reason: "throttled",
    } as unknown as TraceEvent);
    expect(observer.series()[0].failed.map((failed) => failed.reason)).toEqual([
      "rejected",
      "timeout",
      "throttled",
    ]);
    expect(observer.series()[0].failed[2].counts).toEqual([0, 1]);
  });
});
