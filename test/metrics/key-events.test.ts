// The main events kept for the narrative: change-level events only, capped, closing kept.
import { describe, expect, it } from "vitest";
import { KeyEventsObserver, maxKeyEvents } from "../../sim/metrics/key-events.ts";
import { us, write } from "./trace-fixtures.ts";

describe("KeyEventsObserver", () => {
  it("keeps change-level events, not per-write ones, and the closing accounting past the cap", () => {
    const observer = new KeyEventsObserver();
    for (const event of write(1, 0.5, "ack")) observer.observe(event);
    for (let i = 0; i < maxKeyEvents + 7; i++) {
      observer.observe({
        kind: i % 2 === 0 ? "suspect" : "trust",
        tUs: us(i),
        monitor: "mon",
        node: "db1",
      });
    }
    observer.observe({
      kind: "writes_lost",
      tUs: us(400),
      node: "db1",
      count: 3,
      firstUs: 1,
      lastUs: 2,
      rpoUs: 1,
    });
    observer.observe({ kind: "run_end", tUs: us(400), authority: "db2" });
    const kept = observer.keyEvents();
    expect(kept.events).toHaveLength(maxKeyEvents);
    expect(kept.events.every((event) => event.kind === "suspect" || event.kind === "trust")).toBe(
      true,
    );
    expect(kept.omitted).toBe(7);
    expect(kept.closing.map((event) => event.kind)).toEqual(["writes_lost", "run_end"]);
  });
});
