// Replication lag: the worst lag reported at any apply.
import { describe, expect, it } from "vitest";
import { summarize } from "../../sim/metrics/summary.ts";
import { initialRoles, runEnd, tinyWorld, us } from "./trace-fixtures.ts";

describe("max_lag_s", () => {
  it("is the largest replicated.lagUs, in seconds", () => {
    // Lags 0.05 s, 2.4 s, 0.3 s → 2.4 s.
    const values = summarize(tinyWorld(), [
      ...initialRoles(),
      { kind: "replicated", tUs: us(1), node: "db2", lagUs: us(0.05), position: 10 },
      { kind: "replicated", tUs: us(4), node: "db3", lagUs: us(2.4), position: 30 },
      { kind: "replicated", tUs: us(5), node: "db2", lagUs: us(0.3), position: 40 },
      runEnd(11),
    ]);
    expect(values.max_lag_s).toBe(2.4);
  });

  it("is 0 when nothing was replicated", () => {
    expect(summarize(tinyWorld(), [...initialRoles(), runEnd(11)]).max_lag_s).toBe(0);
  });
});
