// The clients' table of requests in flight (in-flight.ts) and the primary's queue of ship times
// (time-queue.ts), against plain reference structures (a Map, an array) over long random
// sequences of operations, including the compactions and growth a real run goes through.
import { describe, expect, it } from "vitest";
import seedrandom from "seedrandom";
import { InFlight } from "../../sim/model/in-flight.ts";
import { TimeQueue } from "../../sim/model/time-queue.ts";

describe("InFlight", () => {
  it("answers get, has and size like a Map under a random mix of adds and deletes", () => {
    const random = seedrandom("in-flight");
    const table = new InFlight<{ id: number; tag: string }>();
    const reference = new Map<number, { id: number; tag: string }>();
    let nextId = 1;
    for (let step = 0; step < 200_000; step++) {
      const roll = random();
      if (roll < 0.5) {
        const item = { id: nextId, tag: `w${nextId}` };
        nextId += 1 + Math.floor(random() * 3); // ids grow, with gaps (ids are shared by groups)
        table.add(item);
        reference.set(item.id, item);
      } else {
        // Mostly the oldest (answers come back in about the order sent), sometimes any.
        const ids = [...reference.keys()];
        const id =
          ids.length === 0
            ? nextId
            : random() < 0.8
              ? ids[0]
              : ids[Math.floor(random() * ids.length)];
        table.delete(id);
        reference.delete(id);
      }
      if (step % 997 === 0 || random() < 0.01) {
        for (const probe of [nextId - 1, nextId - 2, Math.floor(random() * nextId), nextId + 5]) {
          expect(table.get(probe)).toBe(reference.get(probe));
          expect(table.has(probe)).toBe(reference.has(probe));
        }
        expect(table.size).toBe(reference.size);
      }
    }
    // A long-lived oldest request keeps the rest queued behind it; compaction must keep them.
    const held = { id: nextId++, tag: "held" };
    table.add(held);
    for (let i = 0; i < 5000; i++) {
      const item = { id: nextId++, tag: "" };
      table.add(item);
      table.delete(item.id);
    }
    expect(table.get(held.id)).toBe(held);
    expect(table.size).toBe(reference.size + 1);
  });

  it("refuses an id that does not grow, and forgets a finished request", () => {
    const table = new InFlight<{ id: number }>();
    table.add({ id: 5 });
    expect(() => table.add({ id: 5 })).toThrow(/request 5 added after request 5/);
    table.delete(5);
    expect(table.get(5)).toBeUndefined();
    table.add({ id: 6 });
    expect(table.has(6)).toBe(true);
  });
});

describe("TimeQueue", () => {
  it("is first in, first out across growth and wrap-around", () => {
    const random = seedrandom("time-queue");
    const queue = new TimeQueue();
    const reference: number[] = [];
    let t = 0;
    for (let step = 0; step < 100_000; step++) {
      if (random() < 0.55) {
        t += Math.floor(random() * 1000);
        queue.push(t);
        reference.push(t);
      } else if (reference.length > 0) {
        const k = 1 + Math.floor(random() * Math.min(reference.length, 4));
        queue.shift(k);
        reference.splice(0, k);
      }
      expect(queue.size).toBe(reference.length);
      if (reference.length > 0) {
        expect(queue.at(0)).toBe(reference[0]);
        expect(queue.at(reference.length - 1)).toBe(reference[reference.length - 1]);
      }
    }
    queue.clear();
    expect(queue.size).toBe(0);
  });
});
