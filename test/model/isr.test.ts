// Kafka's in-sync replica set (sim/model/isr.ts, isr-leader.ts, the controller's side in
// controller.ts and candidates.ts) against values worked out by hand: when a follower is caught
// up, what an acknowledgement waits for, proposals and their acknowledgement; then whole runs of
// three brokers — the ISR shrinking on the check grid, NotEnoughReplicas below
// min.insync.replicas, clean election refusing an out-of-sync replica, unclean election losing
// what the ISR had acknowledged.
import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../sim/model/index.ts";
import { InSyncReplicas } from "../../sim/model/isr.ts";
import { runScenario } from "../../sim/run/run-scenario.ts";
import {
  at,
  crash,
  defineScenario,
  partition,
  presets,
  type Scenario,
} from "../../sim/scenario/index.ts";

const S = 1_000_000;

describe("the in-sync replica set", () => {
  const config = { lagTimeMaxUs: 30 * S, minInsync: 2 };

  it("a follower reaching the leader's log end is caught up; one still behind leaves after lagTimeMax", () => {
    const isr = new InSyncReplicas(config);
    isr.start(["b2", "b3"], 0);
    isr.reported("b2", 100, 100, 10 * S);
    isr.reported("b3", 90, 100, 10 * S);
    // b3 was last caught up at 0 (the tenure's start): in sync until 30 s, out after.
    expect(isr.inSync(30 * S)).toEqual(["b2", "b3"]);
    expect(isr.inSync(30 * S + 1)).toEqual(["b2"]);
  });

  it("a follower that reaches the leader's end of its previous report was caught up then", () => {
    const isr = new InSyncReplicas(config);
    isr.start(["b3"], 0);
    // At 20 s the leader holds 200 and b3 150; at 25 s b3 holds 200 (the end at 20 s) while the
    // leader holds 260: b3 was caught up at 20 s — in sync until 50 s.
    isr.reported("b3", 150, 200, 20 * S);
    isr.reported("b3", 200, 260, 25 * S);
    expect(isr.inSync(50 * S)).toEqual(["b3"]);
    expect(isr.inSync(50 * S + 1)).toEqual([]);
  });

  it("a shrink is proposed and holds only once acknowledged; until then the leader waits for both", () => {
    const isr = new InSyncReplicas(config);
    isr.start(["b2", "b3"], 0);
    isr.reported("b2", 10, 10, 31 * S);
    expect(isr.proposal(31 * S, false)).toEqual(["b2"]);
    // Pending: no new proposal, but it is sent again when asked to resend.
    expect(isr.proposal(32 * S, false)).toBeNull();
    expect(isr.proposal(32 * S, true)).toEqual(["b2"]);
    expect(isr.waitedFor(31 * S)).toEqual(["b2", "b3"]);
    expect(isr.enough()).toBe(true);
    // An acknowledgement of something else changes nothing.
    expect(isr.acknowledged(["b3"])).toBeNull();
    expect(isr.acknowledged(["b2"])).toEqual({ before: ["b2", "b3"], after: ["b2"] });
    expect(isr.waitedFor(31 * S)).toEqual(["b2"]);
    // b2 and the leader: 2 replicas, min.insync.replicas 2 — still enough.
    expect(isr.enough()).toBe(true);
  });

  it("below min.insync.replicas once the ISR is the leader alone", () => {
    const isr = new InSyncReplicas(config);
    isr.start([], 0);
    expect(isr.enough()).toBe(false);
    expect(new InSyncReplicas({ ...config, minInsync: 1 }).enough()).toBe(true);
  });

  it("an expansion is waited for at once, before the controller acknowledges it", () => {
    const isr = new InSyncReplicas(config);
    isr.start([], 0);
    isr.reported("b2", 5, 5, 1 * S);
    expect(isr.waitedFor(1 * S)).toEqual(["b2"]);
    expect(isr.proposal(1 * S, false)).toEqual(["b2"]);
    expect(isr.enough()).toBe(false);
    isr.acknowledged(["b2"]);
    expect(isr.enough()).toBe(true);
  });
});

/** Three brokers, lagTimeMax 4 s (checks every 2 s), 100 writes/s evenly spaced, 1 ms links. */
function brokers(
  faults: Scenario["faults"],
  unclean = false,
  lagTimeMax: `${number}s` = "4s",
): Scenario {
  return defineScenario({
    name: "brokers",
    summary: "One partition on three brokers.",
    duration: "1m",
    nodes: {
      b1: { role: "primary", zone: "a" },
      b2: { role: "standby", zone: "b" },
      b3: { role: "standby", zone: "c" },
      c1: { role: "monitor", zone: "d" },
    },
    network: { latency: "1ms", jitter: "0ms" },
    policy: presets.kafka({
      replication: { lagTimeMax },
      failover: { uncleanElection: unclean },
    }),
    replication: { lag: "0ms", shipWindow: "0ms", applyDelay: "0ms" },
    clients: { writes: "100/s", zone: "a", arrivals: "uniform", timeout: "10s" },
    faults,
  });
}

function run(scenario: Scenario) {
  const trace: TraceEvent[] = [];
  const result = runScenario(scenario, { file: "brokers.ts", onTrace: (e) => trace.push(e) });
  const isr = trace.flatMap((event) =>
    event.kind === "isr" ? [[event.tUs / S, event.members.join(" ")] as const] : [],
  );
  return { result, trace, isr };
}

describe("ISR replication in a run", () => {
  it("a follower cut off at 10 s leaves the ISR at the first check more than 4 s after its last catch-up", () => {
    // b3 reports each delivery: its last report, of the write of 9.99 s, reaches b1 at 9.992 s
    // with b1's whole log (the fault at 10 s comes before the write issued then). Checks run
    // every 2 s from 0: at 14 s, 4.008 s have passed — more than 4 s. The proposal reaches the
    // controller in 1 ms and its answer comes back in 1 ms more.
    const { isr, result } = run(brokers([at("10s", partition(["b1"], ["b3"]))]));
    expect(isr).toEqual([[14.002, "b2"]]);
    expect(result.metrics.lost_writes).toBe(0);
    // Writes wait for b3 from 10 s until the shrink: acknowledged late, none failed (10 s timeout).
    expect(result.metrics.writes_failed).toBe(0);
  });

  it("a dead follower leaves the ISR when the controller fences it, long before lagTimeMax", () => {
    // lagTimeMax 30 s. Heartbeats (lease renewals) every 2 s from 0: b3's last leaves at 20 s
    // and reaches the controller at 20.001 s; 9 s later, at 29.001 s, the controller suspects b3,
    // fences it and tells b1, 1 ms away.
    const { trace, result } = run(brokers([at("21s", crash("b3"))], false, "30s"));
    const changes = trace.filter((event) => event.kind === "isr");
    expect(changes).toEqual([
      {
        kind: "isr",
        tUs: 29_002_000,
        node: "b1",
        members: ["b2"],
        left: ["b3"],
        joined: [],
        fenced: true,
      },
    ]);
    // Writes of 21–29 s waited for b3 and were acknowledged once it was dropped (10 s timeout).
    expect(result.metrics.writes_failed).toBe(0);
    expect(result.metrics.rto_s).toBe(0);
  });

  it("with b2 crashed too, the ISR is b1 alone: below min.insync.replicas 2, writes are refused", () => {
    const { isr, result } = run(
      brokers([at("10s", partition(["b1"], ["b3"])), at("20s", crash("b2"))]),
    );
    // b2's last report reaches b1 at 19.992 s; the check at 24 s drops it.
    expect(isr).toEqual([
      [14.002, "b2"],
      [24.002, ""],
    ]);
    // Writes of 20–24 s wait and are then refused (NotEnoughReplicasAfterAppend), and every
    // write after it is refused at once: 20.00 s to the end of the writes at 60 s, 4,000 writes.
    expect(result.metrics.writes_failed).toBe(4000);
    expect(result.metrics.lost_writes).toBe(0);
  });

  it("clean election: with b2 down and b3 behind, b1's crash leaves no replica to elect; unclean: b3 leads and loses what it lacked", () => {
    const faults = [
      at("10s", partition(["b1"], ["b3"])),
      at("20s", crash("b2")),
      at("30s", crash("b1")),
    ];
    const clean = run(brokers(faults));
    expect(clean.result.metrics.failovers).toBe(0);
    const refused = clean.trace.find((event) => event.kind === "no_candidate");
    expect((refused as { reason: string }).reason).toContain("outside the in-sync replica set");
    expect(clean.result.metrics.lost_writes).toBe(0);
    // Unclean: b3 is elected. It holds the writes up to 9.99 s; b1 and b2 acknowledged those of
    // 10.00–19.99 s (waiting for b3 until the shrink at 14 s, then for b2 alone): 1,000 writes,
    // gone from the final history.
    const unclean = run(brokers(faults, true));
    expect(unclean.result.metrics.failovers).toBe(1);
    expect(unclean.result.metrics.lost_writes).toBe(1000);
  });
});
