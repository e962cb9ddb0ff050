// Fault periods, as each fault kind says: partitions until heal, blips for their duration,
// crashes until the node is up again, a DNS outage until its restore, a slow node until it is
// fast again or slow in another way.
import { describe, expect, it } from "vitest";
import { FaultPeriodsObserver, maxFaultPeriods } from "../../sim/metrics/fault-periods.ts";
import { describeFault, type Fault, type TraceEvent } from "../../sim/model/index.ts";
import { us } from "./trace-fixtures.ts";

const fault = (tS: number, value: Fault): TraceEvent => ({
  kind: "fault",
  tUs: us(tS),
  fault: value,
  label: describeFault(value),
});
const end = (tS: number): TraceEvent => ({ kind: "run_end", tUs: us(tS), authority: "db1" });

function periods(events: TraceEvent[]) {
  const observer = new FaultPeriodsObserver();
  for (const event of events) observer.observe(event);
  return observer.faultPeriods();
}

describe("FaultPeriodsObserver", () => {
  it("ends partitions and isolations at the next heal, crashes when the node is up again, the rest at run end", () => {
    const { periods: found, omitted } = periods([
      fault(10, { kind: "partition", groups: [["db1"], ["db2"]] }),
      fault(15, { kind: "isolate", target: "db2" }),
      fault(20, { kind: "crash", node: "db3" }),
      fault(30, { kind: "heal" }),
      fault(40, { kind: "crash", node: "db1" }),
      fault(45, { kind: "restart", node: "db3" }),
      { kind: "node_up", tUs: us(45), node: "db3" },
      end(61),
    ]);
    expect(omitted).toBe(0);
    expect(found.map((p) => [p.kind, p.label, p.startUs / 1e6, p.endUs / 1e6])).toEqual([
      ["partition", "partition db1 | db2", 10, 30],
      ["isolate", "isolate db2", 15, 30],
      ["crash", "crash db3", 20, 45],
      ["crash", "crash db1", 40, 61],
    ]);
  });

  it("ends a blip after its duration, or at a heal that comes first", () => {
    const { periods: found } = periods([
      fault(10, { kind: "blip", groups: [["a"], ["b"]], durationUs: us(5) }),
      fault(20, { kind: "blip", groups: [["a"], ["b"]], durationUs: us(30) }),
      fault(25, { kind: "heal" }),
      fault(40, { kind: "blip", groups: [["a"], ["b"]], durationUs: us(100) }),
      end(61),
    ]);
    expect(found.map((p) => [p.startUs / 1e6, p.endUs / 1e6])).toEqual([
      [10, 15],
      [20, 25],
      [40, 61],
    ]);
  });

  it("asks each kind when it ends: the node resumed, a DNS restore, a slow node made fast or slow again", () => {
    const { periods: found } = periods([
      fault(10, { kind: "pause", node: "db1", durationUs: us(4) }),
      { kind: "node_resumed", tUs: us(14), node: "db1" },
      fault(20, { kind: "dns-outage", restore: false, durationUs: 0 }),
      fault(25, { kind: "slow", node: "db2", delayUs: us(0.002) }),
      fault(30, { kind: "slow", node: "db2", delayUs: us(0.005) }),
      fault(35, { kind: "read-only", node: "db3", writable: false }),
      fault(40, { kind: "dns-outage", restore: true, durationUs: 0 }),
      fault(45, { kind: "slow", node: "db2", delayUs: 0 }),
      fault(50, { kind: "read-only", node: "db3", writable: true }),
      fault(55, { kind: "dns-outage", restore: false, durationUs: us(100) }),
      end(60),
    ]);
    expect(found.map((p) => [p.kind, p.startUs / 1e6, p.endUs / 1e6, p.repaired])).toEqual([
      ["pause", 10, 14, true],
      ["dns-outage", 20, 40, true],
      ["slow", 25, 30, true],
      ["slow", 30, 45, true],
      ["read-only", 35, 50, true],
      ["dns-outage", 55, 60, false],
    ]);
  });

  it("keeps at most maxFaultPeriods periods and counts the rest", () => {
    const events = Array.from({ length: maxFaultPeriods + 3 }, (_, i) =>
      fault(i, { kind: "crash", node: "db1" }),
    );
    const { periods: found, omitted } = periods([...events, end(maxFaultPeriods + 10)]);
    expect(found).toHaveLength(maxFaultPeriods);
    expect(omitted).toBe(3);
  });
});
