// A promotion order lost on the way (found by `sim fuzz … --invariant recovers-after-faults`):
// the monitor in zone c loses its links to a and b for 2.5 s, from 10 s. Its timeout detector
// (1 s probes, 3 s) suspects db1 at ≈12.0 s and orders db2 promoted into epoch 2 — but the order
// is cut. Before the fix the cluster then had no primary for the rest of the run: the controller
// rerouted the clients to db2 and deposed db1, while db2 stayed a standby of epoch 1.
// Now db2's first report after the heal (≈13.0 s, more than promoteRetryUs after the order)
// still says "standby, epoch 1", so the order is sent again: db2 catches up, promotes in its
// promoteIn of 1 s and takes writes from ≈14.05 s. Clients and db1 are pointed at db2 only once it
// has confirmed, so no write fails; db1 takes writes until then (no fencing), and those are lost.
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { promoteRetryUs } from "../../sim/model/controller.ts";

const scenario = {
  name: "lost-promotion",
  summary: "A promotion order lost across a one-way cut.",
  duration: "60s",
  seed: 1968382318,
  nodes: {
    db1: { role: "primary", zone: "a" },
    db2: { role: "standby", readiness: "hot", zone: "b", promoteIn: "1s" },
    mon: { role: "monitor", zone: "c" },
  },
  network: { latency: "1ms", jitter: "0.5ms", loss: 0 },
  // Found when every entry shipped on its own: the interleaving it pins down needs that timing.
  replication: { mode: "async", lag: "50ms", shipWindow: "0ms" },
  detector: { kind: "timeout", interval: "1s", timeout: "3s" },
  failover: { automatic: true, quorum: 1, fencing: "none", failback: "never" },
  clients: { writes: "200/s", zone: "a", routing: "proxy" },
  faults: [
    { at: "10s", fault: { kind: "one-way", from: ["c"], to: ["a", "b"] } },
    { at: "12.5s", fault: { kind: "heal" } },
  ],
};

describe("a lost promotion order", () => {
  it("is sent again once the promoted node reports the old epoch, and the cluster recovers", () => {
    const result = runScenario(scenario, { file: "lost-promotion", trace: "changes" });
    const starts = result.events.filter((event) => event.kind === "failover_start");
    const promoted = result.events.filter((event) => event.kind === "promoted");
    expect(starts).toHaveLength(1);
    expect(promoted).toHaveLength(1);
    expect(promoted[0]).toMatchObject({ node: "db2" });
    // Ordered at ≈12.0 s, re-ordered at the first report ≥ 1 s later (≈13.0 s), primary ≈1 s on.
    expect(starts[0].tUs).toBeGreaterThan(12e6);
    expect(starts[0].tUs).toBeLessThan(12.1e6);
    expect(promoted[0].tUs).toBeGreaterThan(starts[0].tUs + promoteRetryUs + 1e6);
    expect(promoted[0].tUs).toBeLessThan(15e6);
    expect(result.metrics.failovers).toBe(1);
    // No outage (without the resend it was the rest of the run); db1's writes after ≈13 s are lost.
    expect(result.metrics.downtime_s).toBe(0);
    expect(result.metrics.lost_writes).toBeGreaterThan(0);
  });
});
