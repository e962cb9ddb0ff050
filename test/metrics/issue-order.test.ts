// The issue-order buffer: writes settle in issue order, each owning the gap to the next issue,
// and the buffer only holds writes still in flight (plus those queued behind them).
import { describe, expect, it } from "vitest";
import { DownPeriods, type DownPeriod } from "../../sim/metrics/down-periods.ts";
import { IssueOrder, type SettledWrite } from "../../sim/metrics/issue-order.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import { runEnd, timeOrdered, us, write } from "./trace-fixtures.ts";

function settle(
  events: TraceEvent[],
  durationS: number,
): { settled: SettledWrite[]; periods: DownPeriod[] } {
  const settled: SettledWrite[] = [];
  const periods: DownPeriod[] = [];
  const downPeriods = new DownPeriods(us(durationS), (period) => periods.push(period));
  const order = new IssueOrder(us(durationS), (w) => {
    settled.push({ ...w }); // the settled write is only valid during the call
    downPeriods.settle(w);
  });
  for (const event of timeOrdered(events)) order.observe(event);
  downPeriods.finish();
  return { settled, periods };
}

describe("IssueOrder", () => {
  it("settles in issue order whatever the order of outcomes", () => {
    const { settled } = settle(
      [...write(0, 0, "fail"), ...write(1, 0.1, "ack"), ...write(2, 0.2, "ack"), runEnd(3)],
      1,
    );
    expect(settled.map((w) => [w.id, w.acked, w.issuedUs, w.ownedUntilUs])).toEqual([
      [0, false, 0, us(0.1)],
      [1, true, us(0.1), us(0.2)],
      [2, true, us(0.2), us(1)],
    ]);
  });

  it("holds only the writes since the oldest unresolved one", () => {
    // Write 0 is settled as soon as write 1 is issued after its ack; nothing waits for run_end.
    const settledBeforeEnd: number[] = [];
    const order = new IssueOrder(us(1), (w) => settledBeforeEnd.push(w.id));
    for (const event of timeOrdered([
      ...write(0, 0, "ack"),
      ...write(1, 0.1, "ack"),
      ...write(2, 0.2, "ack"),
    ])) {
      order.observe(event);
    }
    expect(settledBeforeEnd).toEqual([0, 1]);
  });

  it("keeps memory bounded by write rate × timeout, not by run length", () => {
    // 100 000 writes, one per ms, acked after 2 ms; every 1000th times out after 1 s. At most
    // ~1000 writes (one timeout's worth) wait behind an unresolved one; the total is never held.
    const events = timeOrdered(
      Array.from({ length: 100_000 }, (_, id) =>
        write(id, id / 1000, id % 1000 === 0 ? "fail" : "ack"),
      ).flat(),
    );
    let settled = 0;
    let peak = 0;
    const order = new IssueOrder(us(100), () => settled++);
    for (const event of events) {
      order.observe(event);
      peak = Math.max(peak, order.buffered);
    }
    order.observe(runEnd(101));
    expect(settled).toBe(100_000);
    expect(peak).toBeLessThanOrEqual(1002);
  });

  it("rejects an outcome for a write never issued, or for another issue time, and a write issued twice", () => {
    const order = new IssueOrder(us(1), () => {});
    expect(() =>
      order.observe({ kind: "write_acked", tUs: 5, client: "app", id: 9, issuedUs: 1 }),
    ).toThrow(/not in flight/);
    order.observe({ kind: "write_issued", tUs: 10, client: "app", id: 9 });
    expect(() =>
      order.observe({ kind: "write_acked", tUs: 12, client: "app", id: 9, issuedUs: 11 }),
    ).toThrow(/not in flight/);
    expect(() => order.observe({ kind: "write_issued", tUs: 13, client: "app", id: 9 })).toThrow(
      /issued twice/,
    );
    order.observe({ kind: "write_acked", tUs: 14, client: "app", id: 9, issuedUs: 10 });
    expect(() =>
      order.observe({
        kind: "write_failed",
        tUs: 15,
        client: "app",
        id: 9,
        issuedUs: 10,
        reason: "timeout",
      }),
    ).toThrow(/resolved twice/);
  });
});

describe("down periods", () => {
  it("run from the first failed write to the next acknowledged one, censored at the duration", () => {
    // Writes every 1 s over 10 s: 2, 3 fail (period [2, 4)); 7, 8, 9 fail and nothing after (period [7, 10), censored).
    const events = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((id) =>
      write(id, id, [2, 3, 7, 8, 9].includes(id) ? "fail" : "ack"),
    );
    const { periods } = settle([...events, runEnd(11)], 10);
    expect(periods).toEqual([
      { startUs: us(2), endUs: us(4), censored: false },
      { startUs: us(7), endUs: us(10), censored: true },
    ]);
  });
});
