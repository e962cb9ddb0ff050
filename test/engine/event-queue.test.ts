// The pending-event set: time order, ties broken by insertion order, reserved places kept.
import { describe, expect, it } from "vitest";
import { EventQueue } from "../../sim/engine/index.ts";

describe("EventQueue", () => {
  it("pops in time order", () => {
    const queue = new EventQueue<string>(2);
    for (const [t, name] of [
      [30, "c"],
      [10, "a"],
      [20, "b"],
      [5, "z"],
    ] as const)
      queue.push(t, name);
    const out: string[] = [];
    while (queue.size > 0) out.push(queue.pop());
    expect(out).toEqual(["z", "a", "b", "c"]);
  });

  it("breaks ties by insertion order, at any size", () => {
    const queue = new EventQueue<number>(4);
    // 1,000 events at only 3 distinct times, inserted interleaved.
    for (let i = 0; i < 1000; i++) queue.push((i * 7) % 3, i);
    const popped: [number, number][] = [];
    while (queue.size > 0) {
      const t = queue.peekTimeUs();
      popped.push([t, queue.pop()]);
    }
    for (let i = 1; i < popped.length; i++) {
      const [t0, v0] = popped[i - 1];
      const [t1, v1] = popped[i];
      expect(t1 > t0 || (t1 === t0 && v1 > v0)).toBe(true);
    }
  });

  it("matches a reference sort on random input with interleaved pops", () => {
    const queue = new EventQueue<number>(1);
    const reference: { t: number; seq: number }[] = [];
    let seq = 0;
    let x = 12345;
    const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const popped: number[] = [];
    const expected: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rand() * 100);
      queue.push(t, seq);
      reference.push({ t, seq });
      seq++;
      if (rand() < 0.3) {
        reference.sort((a, b) => a.t - b.t || a.seq - b.seq);
        expected.push(reference.shift()!.seq);
        popped.push(queue.pop());
      }
    }
    expect(popped).toEqual(expected);
  });

  it("matches a reference sort whatever follows a pop: a push, a peek, another pop", () => {
    // A pop leaves a hole at the root that the next push fills, or the next peek or pop closes:
    // every order of these, with many ties, then a drain. Every third event is pushed marked
    // (with a sequence reserved just before), and each pop must say whether it was.
    const queue = new EventQueue<number>(2);
    const reference: { t: number; seq: number }[] = [];
    let [seq, x, nowUs] = [0, 987, 0];
    const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const [popped, expected, peeked, expectedPeeks] = [[], [], [], []] as number[][];
    const wrongMarks: number[] = [];
    const popBoth = () => {
      reference.sort((a, b) => a.t - b.t || a.seq - b.seq);
      nowUs = reference[0].t;
      expected.push(reference.shift()!.seq);
      const event = queue.pop();
      popped.push(event);
      if (queue.poppedMarked !== (event % 3 === 0)) wrongMarks.push(event);
    };
    for (let i = 0; i < 20_000; i++) {
      const r = rand();
      if (r < 0.45 || reference.length === 0) {
        const t = nowUs + Math.floor(rand() * 20);
        if (seq % 3 === 0) queue.pushReserved(t, queue.reserve(), seq, true);
        else queue.push(t, seq);
        reference.push({ t, seq: seq++ });
      } else if (r < 0.9) popBoth();
      else {
        peeked.push(queue.peekTimeUs());
        expectedPeeks.push(Math.min(...reference.map((entry) => entry.t)));
      }
    }
    while (reference.length > 0) popBoth();
    expect(queue.size).toBe(0);
    expect(popped).toEqual(expected);
    expect(peeked).toEqual(expectedPeeks);
    expect(wrongMarks).toEqual([]);
  });

  it("refuses to pop an empty queue", () => {
    expect(() => new EventQueue<number>().pop()).toThrow(/empty/);
  });

  it("gives a reserved push the place it had when its sequence was taken, and says it was marked", () => {
    const queue = new EventQueue<string>(2);
    const early = queue.reserve();
    queue.push(10, "pushed after the reserve");
    queue.push(5, "earlier time");
    queue.pushReserved(10, early, "reserved first", true);
    const out: string[] = [];
    while (queue.size > 0) {
      const event = queue.pop();
      out.push(queue.poppedMarked ? `${event} (marked)` : event);
    }
    expect(out).toEqual(["earlier time", "reserved first (marked)", "pushed after the reserve"]);
    expect(() => queue.pushReserved(1, 99, "never reserved")).toThrow(/never reserved/);
  });
});
