// A primary's lease by its own clock (lease-holder.ts): the instant it lapses, as the node's look at
// its lease is scheduled (lapseAtUs), agrees with the rule itself (lapsed) to the microsecond,
// whatever the clock's rate and jumps; and every renewal or change of the clock is announced.
import { describe, expect, it } from "vitest";
import { RngStreams } from "../../sim/engine/index.ts";
import { LeaseHolder } from "../../sim/model/lease-holder.ts";

const lease = { renewEveryUs: 9_000_000, retryTimeoutUs: 2_000_000 };

describe("LeaseHolder", () => {
  it("lapses renewEvery + retryTimeout after the last renewal, at the first microsecond after", () => {
    const holder = new LeaseHolder();
    holder.renewed(9_002_000);
    expect(holder.lapseAtUs(lease)).toBe(20_002_001);
    expect(holder.lapsed(20_002_000, lease)).toBe(false);
    expect(holder.lapsed(20_002_001, lease)).toBe(true);
  });

  it("moves the lapse with a skewed clock: later when slow, earlier when fast or jumped ahead", () => {
    const slow = new LeaseHolder();
    slow.renewed(0);
    slow.skew(1_000_000, 0.5, 0); // 1 s of local time gone; 10 s left, at half speed: 20 s
    expect(slow.lapseAtUs(lease)).toBe(21_000_001);
    const ahead = new LeaseHolder();
    ahead.renewed(0);
    ahead.skew(1_000_000, 1, 5_000_000); // 6 s of local time gone: 5 s left
    expect(ahead.lapseAtUs(lease)).toBe(6_000_001);
  });

  it("agrees with lapsed() to the microsecond under drawn rates, jumps and renewals", () => {
    // Up to a simulated day in: at 10¹⁰-10¹¹ µs, a skewed clock's division rounds across the
    // boundary now and then, which lapseAtUs must step back over.
    const rng = new RngStreams(7).stream("lease-holder");
    const misses: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const holder = new LeaseHolder();
      let nowUs = Math.round(rng.uniform(0, 1e11));
      holder.renewed(nowUs);
      for (let step = 0; step < 4; step++) {
        nowUs += Math.round(rng.uniform(0, 5e6));
        if (rng.chance(0.5)) holder.renewed(nowUs);
        else {
          const jumpUs = rng.chance(0.5) ? Math.round(rng.uniform(-3e6, 3e6)) : 0;
          holder.skew(nowUs, rng.uniform(0.3, 3), jumpUs);
        }
      }
      const times = { renewEveryUs: Math.round(rng.uniform(1, 10) * 1e6), retryTimeoutUs: 1e6 };
      const atUs = holder.lapseAtUs(times);
      if (!holder.lapsed(atUs, times) || holder.lapsed(atUs - 1, times)) misses.push(`#${i}`);
    }
    expect(misses).toEqual([]);
  });

  it("steps over the rounding of a skewed clock's division, either way", () => {
    // Found by a search over drawn clocks a simulated day in: the boundary computed by dividing
    // by the rate rounds past the true one (the first five) or short of it (the last).
    const cases = [
      [45341940154, 45351757324, 2.679747544624843, -2233691, 12830556],
      [89118070388, 89125908006, 2.8717610204592345, -2836600, 13262592],
      [46841775369, 46844122736, 2.794415897713043, -1896198, 8549322],
      [23115240340, 23115956629, 2.0166612297529354, -704846, 9068077],
      [92109668930, 92117291491, 2.0313255336368456, -53273, 3168082],
      [54796631168, 54803547564, 0.31211975547485055, -706273, 14221979],
    ];
    const misses = cases.filter(([renewedUs, skewUs, rate, jumpUs, limitUs]) => {
      const holder = new LeaseHolder();
      holder.renewed(renewedUs);
      holder.skew(skewUs, rate, jumpUs);
      const times = { renewEveryUs: limitUs, retryTimeoutUs: 0 };
      const atUs = holder.lapseAtUs(times);
      return !holder.lapsed(atUs, times) || holder.lapsed(atUs - 1, times);
    });
    expect(misses).toEqual([]);
  });

  it("announces every renewal and every change of its clock", () => {
    let calls = 0;
    const holder = new LeaseHolder(() => calls++);
    holder.renewed(1);
    holder.skew(2, 2, 0);
    holder.renewed(3);
    expect(calls).toBe(3);
  });
});
