// Write counts and availability, computed by hand.
import { describe, expect, it } from "vitest";
import { summarize } from "../../sim/metrics/summary.ts";
import {
  initialRoles,
  runEnd,
  timeOrdered,
  tinyWorld,
  write,
  writeSeries,
} from "./trace-fixtures.ts";

describe("write counts", () => {
  it("counts issued, acknowledged and failed writes; availability is acked / attempted", () => {
    // 8 writes, ids 2 and 5 time out: attempted 8, acked 6, failed 2, availability 6/8 = 0.75.
    const trace = timeOrdered([
      ...initialRoles(),
      ...writeSeries(8, 0.5, (id) => id === 2 || id === 5),
      runEnd(11),
    ]);
    const values = summarize(tinyWorld(), trace);
    expect(values.writes_attempted).toBe(8);
    expect(values.writes_acked).toBe(6);
    expect(values.writes_failed).toBe(2);
    expect(values.availability).toBe(0.75);
  });

  it("counts a rejection as a failure", () => {
    const trace = timeOrdered([
      ...write(0, 1, "ack"),
      { kind: "write_issued", tUs: 2_000_000, client: "app", id: 1 },
      {
        kind: "write_failed",
        tUs: 2_001_000,
        client: "app",
        id: 1,
        issuedUs: 2_000_000,
        reason: "rejected",
      },
      runEnd(11),
    ]);
    const values = summarize(tinyWorld(), trace);
    expect([values.writes_attempted, values.writes_acked, values.writes_failed]).toEqual([2, 1, 1]);
    expect(values.availability).toBe(0.5);
  });

  it("has no availability without writes", () => {
    const values = summarize(tinyWorld(), [...initialRoles(), runEnd(11)]);
    expect(values.writes_attempted).toBe(0);
    expect(values.availability).toBeNull();
  });
});
