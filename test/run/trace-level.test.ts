// Which events a trace level keeps for events.csv.
import { describe, expect, it } from "vitest";
import { keepsEvent } from "../../sim/run/trace-level.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import { crash, write } from "../metrics/trace-fixtures.ts";

describe("trace levels", () => {
  const fault = crash("db1", 1);
  const [issued] = write(1, 1, "ack");
  const replicated: TraceEvent = { kind: "replicated", tUs: 5, node: "db2", lagUs: 3, position: 1 };

  it("keeps nothing, changes only, or everything", () => {
    expect([fault, issued, replicated].map((e) => keepsEvent("none", e))).toEqual([
      false,
      false,
      false,
    ]);
    expect([fault, issued, replicated].map((e) => keepsEvent("changes", e))).toEqual([
      true,
      false,
      false,
    ]);
    expect([fault, issued, replicated].map((e) => keepsEvent("full", e))).toEqual([
      true,
      true,
      true,
    ]);
  });
});
