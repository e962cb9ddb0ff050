// Lost acknowledged writes, RPO and divergent writes.
import { describe, expect, it } from "vitest";
import { summarize } from "../../sim/metrics/summary.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import { initialRoles, runEnd, timeOrdered, tinyWorld, us } from "./trace-fixtures.ts";

describe("lost_writes, rpo_s, divergent_writes", () => {
  it("sums lost counts, takes the worst rpo and counts divergent acceptances", () => {
    // db1 lost 12 writes (rpo 1.5 s), db3 lost 3 (rpo 0.25 s) → 15 lost, rpo 1.5 s.
    // Two of three acceptances were divergent → 2.
    const events: TraceEvent[] = [
      { kind: "write_accepted", tUs: us(1), node: "db1", id: 1, divergent: false },
      { kind: "write_accepted", tUs: us(2), node: "db1", id: 2, divergent: true },
      { kind: "write_accepted", tUs: us(3), node: "db3", id: 3, divergent: true },
      {
        kind: "writes_lost",
        tUs: us(11),
        node: "db1",
        count: 12,
        firstUs: us(3),
        lastUs: us(4),
        rpoUs: us(1.5),
      },
      {
        kind: "writes_lost",
        tUs: us(11),
        node: "db3",
        count: 3,
        firstUs: us(5),
        lastUs: us(5.25),
        rpoUs: us(0.25),
      },
    ];
    const values = summarize(tinyWorld(), timeOrdered([...initialRoles(), ...events, runEnd(11)]));
    expect([values.lost_writes, values.rpo_s, values.divergent_writes]).toEqual([15, 1.5, 2]);
  });

  it("is 0 when nothing was lost", () => {
    const values = summarize(tinyWorld(), [...initialRoles(), runEnd(11)]);
    expect([values.lost_writes, values.rpo_s, values.divergent_writes]).toEqual([0, 0, 0]);
  });
});
