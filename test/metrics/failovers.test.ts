// Promotions: all of them, false ones (deposed primary alive), failbacks.
import { describe, expect, it } from "vitest";
import { summarize } from "../../sim/metrics/summary.ts";
import { initialRoles, promoted, runEnd, timeOrdered, tinyWorld } from "./trace-fixtures.ts";

describe("failovers, false_failovers, failbacks", () => {
  it("counts promoted events by their flags", () => {
    // Three promotions: db2 replacing a crashed db1; db3 replacing a live db2 (false);
    // db1 returning while db3 is alive (false, and a failback) → 3, 2, 1.
    const trace = timeOrdered([
      ...initialRoles(),
      promoted("db2", 10, { previous: "db1", previousAlive: false, epoch: 2 }),
      promoted("db3", 20, { previous: "db2", previousAlive: true, epoch: 3 }),
      promoted("db1", 30, { previous: "db3", previousAlive: true, failback: true, epoch: 4 }),
      runEnd(61),
    ]);
    const values = summarize(tinyWorld({ durationS: 60 }), trace);
    expect([values.failovers, values.false_failovers, values.failbacks]).toEqual([3, 2, 1]);
  });

  it("is 0 without promotions", () => {
    const values = summarize(tinyWorld(), [...initialRoles(), runEnd(11)]);
    expect([values.failovers, values.false_failovers, values.failbacks]).toEqual([0, 0, 0]);
  });
});
