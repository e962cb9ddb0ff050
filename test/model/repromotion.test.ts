// A node ordered promoted again, into a newer epoch, while its first promotion is under way: the
// promotion goes on under the newer epoch, its step due when it was. (First found by `sim fuzz
// scenarios/read-replica-lag.ts --invariant recovers-after-faults`, when a monitor waking from a
// long pause failed over once per overdue check; monitors now bring every verdict up to date
// before acting, so that cascade no longer happens — monitor.test.ts — and the node's rule is
// tested on the node itself.) Before the fix the node ignored the second order, became primary of
// the first epoch, and the controller, waiting for the newer one, never rerouted the clients.
import { describe, expect, it } from "vitest";
import { nodeHarness } from "./node-harness.ts";

describe("a second promotion order while the first is under way", () => {
  it("carries the promotion into the newer epoch, its step due when it was", () => {
    const db2 = nodeHarness({ role: "standby", promoteInS: 1 });
    db2.command({ kind: "promote", node: "db2", epoch: 2, from: "db1", planned: false });
    db2.runTo(0.5);
    db2.command({ kind: "promote", node: "db2", epoch: 4, from: "db3", planned: false });
    db2.runTo(10);
    expect(db2.roles()).toEqual(["promoting@2", "promoting@4", "primary@4"]);
    const promoted = db2.trace.filter((event) => event.kind === "promoted");
    expect(promoted).toEqual([
      expect.objectContaining({ tUs: 1_000_000, epoch: 4, previous: "db3" }),
    ]);
    expect(db2.sent.filter(({ message }) => message.type === "promoted")).toEqual([
      { target: "mon", message: { type: "promoted", node: "db2", epoch: 4 } },
    ]);
  });
});
