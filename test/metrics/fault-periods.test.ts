// Fault periods: partitions until heal, blips for their duration, crashes until restart.
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
  it("ends partitions and isolations at the next heal, crashes at the node's restart, the rest at run end", () => {
    const { periods: found, omitted } = periods([
      fault(10, { kind: "partition", groups: [["db1"], ["db2"]] }),
      fault(15, { kind: "isolate", target: "db2" }),
      fault(20, { kind: "crash", node: "db3" }),
      fault(30, { kind: "heal" }),
      fault(40, { kind: "crash", node: "db1" }),
      fault(45, { kind: "restart", node: "db3" }),
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

  it("gives a fault kind it does not know its own duration, or marks it as an instant", () => {
    const pause = { kind: "pause", node: "db1", durationUs: us(4) } as unknown as Fault;
    const poke = { kind: "poke", node: "db1" } as unknown as Fault;
    const { periods: found } = periods([
      { kind: "fault", tUs: us(10), fault: pause, label: "pause db1 for 4 s" },
      { kind: "fault", tUs: us(20), fault: poke, label: "poke db1" },
      end(30),
    ]);
    expect(found.map((p) => [p.kind, p.startUs / 1e6, p.endUs / 1e6])).toEqual([
      ["pause", 10, 14],
      ["poke", 20, 20],
    ]);
  });

  it("ends a period at a fault_end event with its label", () => {
    const pause = { kind: "pause", node: "db1", durationUs: us(40) } as unknown as Fault;
    const faultEnd = {
      kind: "fault_end",
      tUs: us(12),
      label: "pause db1 for 40 s",
    } as unknown as TraceEvent;
    const { periods: found } = periods([
      { kind: "fault", tUs: us(10), fault: pause, label: "pause db1 for 40 s" },
      faultEnd,
      end(60),
    ]);
    expect(found.map((p) => [p.startUs / 1e6, p.endUs / 1e6])).toEqual([[10, 12]]);
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
