// Detection: fault → first suspicion, per incident; the worst over detected incidents.
import { describe, expect, it } from "vitest";
import { summarize } from "../../sim/metrics/summary.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import { crash, heal, initialRoles, partition, runEnd, timeOrdered, tinyWorld, us } from "./trace-fixtures.ts";

function detectionOf(events: TraceEvent[]): number | null {
  return summarize(tinyWorld({ durationS: 60 }), timeOrdered([...initialRoles(), ...events, runEnd(61)])).detection_s;
}

const suspect = (node: string, atS: number): TraceEvent => ({ kind: "suspect", tUs: us(atS), monitor: "mon", node });
const trust = (node: string, atS: number): TraceEvent => ({ kind: "trust", tUs: us(atS), monitor: "mon", node });

describe("detection_s", () => {
  it("takes the worst of two incidents", () => {
    // A false suspicion at 5 s precedes every fault and is ignored.
    // Incident 1: crash db1 at 10 s, suspected at 13 s → 3 s.
    // Incident 2: partition at 30 s, suspected at 35 s and again at 36 s → first one: 5 s.
    // heal at 40 s is a repair, not an incident. Worst: 5 s.
    const events = [
      suspect("db2", 5),
      trust("db2", 6),
      crash("db1", 10),
      suspect("db1", 13),
      partition(30),
      suspect("db2", 35),
      suspect("db3", 36),
      heal(40),
    ];
    expect(detectionOf(events)).toBe(5);
  });

  it("skips an incident undetected before the next fault", () => {
    // Crash at 10 s, nothing suspected before the partition at 20 s (detected at 21.5 s → 1.5 s).
    // The first incident is not charged the 11.5 s until that suspicion.
    expect(detectionOf([crash("db2", 10), partition(20), suspect("db1", 21.5)])).toBe(1.5);
  });

  it("counts a suspicion in the same microsecond as the fault as 0", () => {
    expect(detectionOf([crash("db1", 10), suspect("db1", 10)])).toBe(0);
  });

  it("is null with no incident or no suspicion", () => {
    expect(detectionOf([suspect("db1", 3)])).toBeNull();
    expect(detectionOf([crash("db1", 10)])).toBeNull();
  });
});
