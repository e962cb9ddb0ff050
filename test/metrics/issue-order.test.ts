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

  it("settles as a sort of the writes would, through ties, growth and compaction", () => {
    // 20 000 writes from three clients in bursts of five with equal issue times, each burst
    // issued out of id order (so many writes are inserted before others), with outcomes in the
    // same microsecond (before a write of a smaller id is inserted ahead) up to 5 ms later; in
    // the middle of the run one write in a hundred takes 3 s, so thousands wait behind it and the
    // columns grow. Before and after, the few writes held are moved down (compacted) each time
    // the columns fill. Reference: the writes sorted by (issue time, id, client), each owning the gap
    // to the next.
    let state = 12345;
    const draw = (n: number) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % n;
    };
    const events: TraceEvent[] = [];
    const writes: { id: number; client: string; issuedUs: number; acked: boolean }[] = [];
    for (let id = 0; id < 20_000; id += 5) {
      const issuedUs = (id / 5) * 1_000;
      // Each write of the burst gets a client; the clients issue in a shuffled order, each its
      // own writes in id order (a client's ids only grow), so ids interleave out of order.
      const clientOf = [0, 1, 2, 3, 4].map(() => ["a", "b", "c"][draw(3)]);
      const clientOrder = ["a", "b", "c"].sort(() => draw(3) - 1);
      const burst = [0, 1, 2, 3, 4]
        .map((k) => ({ id: id + k, client: clientOf[k] }))
        .sort(
          (x, y) => clientOrder.indexOf(x.client) - clientOrder.indexOf(y.client) || x.id - y.id,
        );
      for (const { id: burstId, client } of burst) {
        const acked = draw(10) > 0;
        const straggler = burstId >= 10_000 && burstId < 12_000 && draw(100) === 0;
        const settleUs = issuedUs + (straggler ? 3_000_000 : draw(4) === 0 ? 0 : draw(5_000));
        writes.push({ id: burstId, client, issuedUs, acked });
        events.push({ kind: "write_issued", tUs: issuedUs, client, id: burstId });
        events.push(
          acked
            ? { kind: "write_acked", tUs: settleUs, client, id: burstId, issuedUs }
            : {
                kind: "write_failed",
                tUs: settleUs,
                client,
                id: burstId,
                issuedUs,
                reason: "timeout",
              },
        );
      }
    }
    const durationUs = us(10);
    const settled: SettledWrite[] = [];
    let peak = 0;
    const order = new IssueOrder(durationUs, (w) => settled.push({ ...w }));
    for (const event of timeOrdered(events)) {
      order.observe(event);
      peak = Math.max(peak, order.buffered);
    }
    order.observe(runEnd(11));
    const sorted = [...writes].sort(
      (x, y) =>
        x.issuedUs - y.issuedUs ||
        x.id - y.id ||
        (x.client < y.client ? -1 : x.client > y.client ? 1 : 0),
    );
    expect(settled).toEqual(
      sorted.map((w, i) => ({ ...w, ownedUntilUs: sorted[i + 1]?.issuedUs ?? durationUs })),
    );
    expect(peak).toBeGreaterThan(2_048); // the columns grew past their first sizes
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
