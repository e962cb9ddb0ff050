import { describe, expect, it } from "vitest";
import { ApplyQueue } from "../../sim/model/apply-queue.ts";

const MS = 1_000;
const S = 1_000_000;

describe("ApplyQueue: continuous apply", () => {
  it("applies each delivery after the apply delay when the rate is unlimited", () => {
    const queue = new ApplyQueue({
      applyDelayUs: 50 * MS,
      applyRatePerS: Infinity,
      applyEveryUs: 0,
    });
    expect(queue.receive(10, 1 * S)).toBe(1.05 * S);
    expect(queue.receive(10, 1.01 * S)).toBe(1.06 * S);
    expect(queue.backlog(1.055 * S)).toBe(10);
    expect(queue.catchUpDoneUs(1.055 * S)).toBe(1.06 * S);
  });

  it("queues work behind a limited rate", () => {
    // 1,000 entries/s: 500 entries take 0.5 s; a second delivery waits for the first.
    const queue = new ApplyQueue({ applyDelayUs: 0, applyRatePerS: 1000, applyEveryUs: 0 });
    expect(queue.receive(500, 0)).toBe(0.5 * S);
    expect(queue.receive(100, 0.1 * S)).toBe(0.6 * S);
    expect(queue.backlog(0.55 * S)).toBe(100);
  });
});

describe("ApplyQueue: batches", () => {
  it("waits for the next batch tick, then applies at the rate", () => {
    // Ticks every 60 s; 5,000 entries/s.
    const queue = new ApplyQueue({ applyDelayUs: 0, applyRatePerS: 5000, applyEveryUs: 60 * S });
    expect(queue.receive(5000, 10 * S)).toBe(61 * S); // tick at 60 s, 1 s of work
    expect(queue.receive(5000, 20 * S)).toBe(62 * S); // same tick, after the first batch
    expect(queue.backlog(30 * S)).toBe(10_000);
    // A promotion at 30 s does not wait for the tick: 10,000 entries at 5,000/s = 2 s.
    expect(queue.catchUpDoneUs(30 * S)).toBe(32 * S);
    expect(queue.backlog(61.5 * S)).toBe(5000);
  });

  it("forgets everything on reset", () => {
    const queue = new ApplyQueue({ applyDelayUs: 0, applyRatePerS: 5000, applyEveryUs: 60 * S });
    queue.receive(5000, 10 * S);
    queue.reset(11 * S);
    expect(queue.backlog(11 * S)).toBe(0);
    expect(queue.catchUpDoneUs(11 * S)).toBe(11 * S);
  });
});
