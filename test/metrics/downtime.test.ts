// Client-observed downtime: each write owns [its issue, next issue); failed writes' intervals add up.
import { describe, expect, it } from "vitest";
import { summarize } from "../../sim/metrics/summary.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import {
  initialRoles,
  runEnd,
  timeOrdered,
  tinyWorld,
  write,
  writeSeries,
} from "./trace-fixtures.ts";

function downtimeOf(events: TraceEvent[], durationS = 1): number | null {
  return summarize(
    tinyWorld({ durationS }),
    timeOrdered([...initialRoles(), ...events, runEnd(durationS + 1)]),
  ).downtime_s;
}

describe("downtime_s", () => {
  it("sums the intervals owned by failed writes", () => {
    // 10 writes at 100 ms spacing over a 1 s run; writes 4–6 (issued 0.4, 0.5, 0.6 s) fail.
    // They own [0.4, 0.5) + [0.5, 0.6) + [0.6, 0.7) → downtime 0.3 s.
    expect(downtimeOf(writeSeries(10, 0.1, (id) => id >= 4 && id <= 6))).toBe(0.3);
  });

  it("settles outcomes that arrive out of order", () => {
    // Write 1 (issued 0.1 s) times out at 1.1 s, long after writes 2–9 were acknowledged; write 3
    // is acknowledged late (0.9 s) after write 4's ack. Only write 1 failed: [0.1, 0.2) → 0.1 s.
    const events = [
      ...write(0, 0, "ack"),
      ...write(1, 0.1, "fail", { failAfterS: 1 }),
      ...write(2, 0.2, "ack"),
      ...write(3, 0.3, "ack", { ackAfterS: 0.6 }),
      ...write(4, 0.4, "ack"),
      ...write(5, 0.5, "ack"),
    ];
    // Write 5 is the last: it owns [0.5, 1.0) but was acknowledged.
    expect(downtimeOf(events)).toBe(0.1);
  });

  it("lets the last write own the time up to the run duration", () => {
    // Writes at 0, 0.25, 0.5, 0.75 s; the last one fails and owns [0.75, 1.0) → 0.25 s.
    expect(downtimeOf(writeSeries(4, 0.25, (id) => id === 3))).toBe(0.25);
  });

  it("orders writes issued in the same microsecond by id", () => {
    // Two clients issue at 0.2 s; the trace names id 3 before id 2. Order by id: 2 then 3, then
    // write 4 at 0.6 s. Write 3 fails and owns [0.2, 0.6) → 0.4 s; write 2 owns [0.2, 0.2) = 0.
    // (Were the order taken from the trace, write 3 would own [0.2, 0.2) and downtime be 0.)
    const events: TraceEvent[] = [
      ...write(1, 0, "ack"),
      ...write(3, 0.2, "fail", { client: "b" }),
      ...write(2, 0.2, "ack", { client: "a" }),
      ...write(4, 0.6, "ack"),
    ];
    expect(downtimeOf(events)).toBe(0.4);
  });

  it("is the whole run when no write succeeds, and 0 without writes", () => {
    // Writes at 0.5 … 4.5 s of a 5 s run all fail; the first owns from 0.5 s: 4.5 s of downtime
    // (before the first write nobody asked, so nobody saw an outage).
    expect(
      downtimeOf(
        [0, 1, 2, 3, 4].flatMap((id) => write(id, 0.5 + id, "fail")),
        5,
      ),
    ).toBe(4.5);
    expect(downtimeOf([])).toBe(0);
  });
});
