// A node accepts writes as primary only in the epoch it was promoted into: every way back into
// service — a restart, a lease regained, a failback called off — takes the role again only in
// that epoch, and a promotion a crash cut short must be ordered again (and is then recorded as a
// promotion). Each case drives one node by hand (node-harness.ts).
import { describe, expect, it } from "vitest";
import { nodeHarness } from "./node-harness.ts";

const promote = (epoch: number, from = "db1", planned = false) => ({
  kind: "promote" as const,
  node: "db2",
  epoch,
  from,
  planned,
});
const promotions = (trace: { kind: string }[]) =>
  trace.filter((event) => event.kind === "promoted");

describe("the epoch a node may serve in", () => {
  it("a restarted node whose promotion a crash cut short refuses to resume, and is promoted again", () => {
    const db2 = nodeHarness({ role: "standby", promoteInS: 1 });
    db2.command(promote(2));
    db2.runTo(0.5);
    db2.node.crash();
    db2.runTo(0.6);
    db2.node.restart();
    db2.command({ kind: "resume", node: "db2", epoch: 2 });
    db2.runTo(0.7);
    expect(db2.node.role).toBe("rejoining");
    db2.command({ ...promote(2), resent: true });
    db2.runTo(5);
    expect(db2.roles()).toEqual(["promoting@2", "rejoining@2", "promoting@2", "primary@2"]);
    expect(promotions(db2.trace)).toEqual([expect.objectContaining({ tUs: 1_700_000, epoch: 2 })]);
  });

  it("a restarted node that served as primary in the epoch resumes it, without a new promotion", () => {
    const db2 = nodeHarness({ role: "standby", promoteInS: 1 });
    db2.command(promote(2));
    db2.runTo(2);
    db2.node.crash();
    db2.node.restart();
    db2.command({ kind: "resume", node: "db2", epoch: 3 });
    expect(db2.node.role).toBe("rejoining");
    db2.command({ kind: "resume", node: "db2", epoch: 2 });
    expect(db2.roles()).toEqual(["promoting@2", "primary@2", "rejoining@2", "primary@2"]);
    expect(promotions(db2.trace)).toHaveLength(1);
  });

  it("the original primary resumes epoch 1 after a restart", () => {
    const db = nodeHarness({ role: "primary" });
    db.node.crash();
    db.node.restart();
    db.command({ kind: "resume", node: "db2", epoch: 1 });
    expect(db.roles()).toEqual(["rejoining@1", "primary@1"]);
  });

  it("a primary told by the coordination store of a newer primary stops taking writes at once", () => {
    const db = nodeHarness({ role: "primary", failover: { fencing: "lease" } });
    db.receive({ type: "renew-ack", epoch: 1, primary: "db2" });
    expect(db.node.role).toBe("primary");
    db.receive({ type: "renew-ack", epoch: 3, primary: "db3" });
    expect(db.node.role).toBe("fenced");
    // An answer naming it again (stale, of its own epoch) does not give the role back: it gave it up.
    db.receive({ type: "renew-ack", epoch: 1, primary: "db2" });
    expect(db.roles()).toEqual(["fenced@1"]);
  });

  it("under epoch fencing, a promotion that completes after a newer one did is refused", () => {
    const db2 = nodeHarness({ role: "standby", promoteInS: 1, failover: { fencing: "epoch" } });
    db2.command(promote(2));
    db2.runTo(0.5);
    // Meanwhile another node completed the promotion into epoch 3 (the world records it).
    db2.node["world"].promotionCompleted({ name: "db3", epoch: 3 } as never, "db1", false);
    db2.runTo(5);
    expect(db2.roles()).toEqual(["promoting@2", "fenced@2"]);
    expect(
      promotions(db2.trace).filter((event) => (event as { node?: string }).node === "db2"),
    ).toEqual([]);
  });

  it("a primary that stepped down for a failback, ordered promoted into a newer epoch, takes writes at once", () => {
    const db = nodeHarness({ role: "primary" });
    db.runTo(1);
    db.command({ kind: "step-down", node: "db2", epoch: 1 });
    expect(db.node.role).toBe("fenced");
    db.command(promote(3, "db1", true));
    expect(db.roles()).toEqual(["fenced@1", "primary@3"]);
    expect(promotions(db.trace)).toEqual([
      expect.objectContaining({ tUs: 1_000_000, epoch: 3, planned: true }),
    ]);
  });
});
