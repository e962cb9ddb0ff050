// RTO: per incident, the end of the last down period beginning in its window, minus the fault time.
import { describe, expect, it } from "vitest";
import { summarize } from "../../sim/metrics/summary.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import {
  crash,
  heal,
  initialRoles,
  partition,
  runEnd,
  timeOrdered,
  tinyWorld,
  write,
} from "./trace-fixtures.ts";

/** One write per second at 0, 1, …, durationS−1; those listed fail. */
function writesFailingAt(failing: number[], durationS = 20): TraceEvent[] {
  return Array.from({ length: durationS }, (_, s) =>
    write(s, s, failing.includes(s) ? "fail" : "ack"),
  ).flat();
}

function rtoOf(events: TraceEvent[], durationS = 20): number | null {
  return summarize(
    tinyWorld({ durationS }),
    timeOrdered([...initialRoles(), ...events, runEnd(durationS + 1)]),
  ).rto_s;
}

describe("rto_s", () => {
  it("takes the worst incident, with an outage censored at the run duration", () => {
    // Crash at 4.5 s; writes at 5, 6, 7 s fail, 8 s is acknowledged → period [5, 8): rto 8 − 4.5 = 3.5 s.
    // Partition at 12 s; writes 14 … 19 s fail and none succeeds again → period [14, 20) ends at
    // the duration (censored): rto 20 − 12 = 8 s. Worst: 8 s.
    const events = [
      crash("db1", 4.5),
      partition(12),
      ...writesFailingAt([5, 6, 7, 14, 15, 16, 17, 18, 19]),
    ];
    expect(rtoOf(events)).toBe(8);
  });

  it("uses the last down period that begins in the window, not the first", () => {
    // Crash at 2 s; outages [3, 4) and [9, 11) both begin before the next fault (none) → 11 − 2 = 9 s.
    // A heal at 5 s does not end the incident.
    expect(rtoOf([crash("db1", 2), heal(5), ...writesFailingAt([3, 9, 10])])).toBe(9);
  });

  it("is 0 when clients never noticed, and ignores outages before the first fault", () => {
    // Outage [1, 2) precedes the crash at 5 s; nothing fails after it → 0.
    expect(rtoOf([crash("db3", 5), ...writesFailingAt([1])])).toBe(0);
  });

  it("credits an outage still open at the first fault to the first incident", () => {
    // Writes at 4, 5, 6 s fail (the one issued at 4 s, a moment before the crash at 4.5 s, fails
    // because of it); 7 s is acknowledged → period [4, 7): rto 7 − 4.5 = 2.5 s.
    expect(rtoOf([crash("db1", 4.5), ...writesFailingAt([4, 5, 6])])).toBe(2.5);
  });

  it("credits an outage to the incident it began in", () => {
    // Crash at 2 s; outage [3, 10) still running when a partition hits at 6 s → incident 1: 8 s,
    // incident 2: no period begins in [6, 20) → 0. Worst: 8 s.
    expect(rtoOf([crash("db1", 2), partition(6), ...writesFailingAt([3, 4, 5, 6, 7, 8, 9])])).toBe(
      8,
    );
  });

  it("credits an outage to a later fault when its first failed write was in flight at it", () => {
    // Client timeout 1 s. Crash at 2 s: outage [3, 4) → 4 − 2 = 2 s. Partition at 10.5 s: the
    // write issued at 10 s (0.5 s before it, still awaiting its answer) fails, so do 11 and 12 s;
    // 13 s is acknowledged → period [10, 13) is the partition's: 13 − 10.5 = 2.5 s (not the
    // crash's 13 − 2 = 11 s). Worst: 2.5 s.
    const events = [crash("db1", 2), partition(10.5), ...writesFailingAt([3, 10, 11, 12])];
    expect(rtoOf(events)).toBe(2.5);
    // Issued 1.5 s before the partition, more than a timeout: that write was failing already,
    // so period [9, 12) stays the crash's: 12 − 2 = 10 s.
    expect(rtoOf([crash("db1", 2), partition(10.5), ...writesFailingAt([3, 9, 10, 11])])).toBe(10);
  });

  it("is null without incidents", () => {
    expect(rtoOf(writesFailingAt([3, 4]))).toBeNull();
  });
});
