// Results users rely on, in the corners where they once were wrong. Each fixture reproduces a case
// exactly as it was reported (test/model/fixtures/), and each expectation was computed by hand.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../sim/run/run-scenario.ts";
import { silenceYForThreshold } from "../../sim/model/detectors/index.ts";
import type { TraceEvent } from "../../sim/model/index.ts";
import { loadScenarioFile } from "../../sim/scenario/load.ts";

async function run(fixture: string) {
  const file = path.join(import.meta.dirname, "fixtures", `${fixture}.ts`);
  return runScenario(await loadScenarioFile(file), { file, trace: "changes" });
}

const seconds = (us: number) => us / 1e6;
const ofKind = <K extends TraceEvent["kind"]>(events: TraceEvent[], kind: K) =>
  events.filter((event): event is Extract<TraceEvent, { kind: K }> => event.kind === kind);
const rolesOf = (events: TraceEvent[], node: string) =>
  ofKind(events, "role")
    .filter((event) => event.node === node)
    .map((event) => `${event.role}@${event.epoch}`);

describe("φ-accrual detection runs a whole scenario", () => {
  it("suspects a crashed primary when φ reaches the threshold, at a whole microsecond", async () => {
    const { metrics, events } = await run("phi-crash");
    // Pongs arrive every 1 s (2 ms round trip ± 1 ms); the window holds Akka's seeds 0.75 s and
    // 1.25 s and 19 intervals of ≈ 1 s: mean ≈ 1 s, σ ≈ 0.077 s < minStdDev, so sd = 0.1 s. With
    // acceptablePause 3 s, φ = 8 at a silence of 1 + 3 + y(8)·0.1 = 4.5226 s after the last pong
    // (≈ 19.002 s): suspicion ≈ 23.5246 s, detection ≈ 3.5246 s after the crash at 20 s.
    const expected = 1 + 3 + silenceYForThreshold(8) * 0.1 - 1 + 0.002;
    expect(metrics.detection_s!).toBeGreaterThan(expected - 0.0015);
    expect(metrics.detection_s!).toBeLessThan(expected + 0.0015);
    const [suspect] = ofKind(events, "suspect");
    expect(Number.isInteger(suspect.tUs)).toBe(true);
    expect(metrics.failovers).toBe(1);
  });
});

describe("a stale suspicion never acts after the world has moved on (health checks, monitor paused 10 s)", () => {
  it("sees both probes failed at once when the monitor wakes, and fails over to neither", async () => {
    const { metrics, events } = await run("health-check-stale-suspicion");
    // The round at 60 s sent both probes just before the pause (60.0001 s); their replies were
    // lost, and their deadlines (60.5 s) wait with the paused monitor until it wakes at
    // 70.0001 s. The first deadline handled makes db1 suspected (one strike), and the decision
    // on it must see db2's probe failed too, though db2's own deadline comes next: no candidate.
    expect(
      events
        .filter((event) => event.kind === "suspect" || event.kind === "no_candidate")
        .map((event) => [event.kind, seconds(event.tUs), "node" in event ? event.node : ""]),
    ).toEqual([
      ["suspect", 70.0001, "db1"],
      ["suspect", 70.0001, "db2"],
      ["no_candidate", 70.0001, "db1"],
    ]);
    expect(ofKind(events, "failover_start")).toEqual([]);
    expect(metrics.failovers).toBe(0);
  });
});

describe("a stale suspicion never acts after the world has moved on (Patroni, DCS paused 25 s)", () => {
  it("sees both nodes silent at once when the DCS wakes, and fails over to neither", async () => {
    const { metrics, events } = await run("patroni-stale-suspicion");
    // Both leases expired while the DCS slept: both are suspected in the same microsecond, so
    // there is no candidate — before, db1's check promoted db2 before db2's own check ran.
    expect(ofKind(events, "suspect").map((event) => [seconds(event.tUs), event.node])).toEqual([
      [85, "db1"],
      [85, "db2"],
    ]);
    expect(ofKind(events, "failover_start")).toEqual([]);
    expect(ofKind(events, "no_candidate")).toEqual([
      expect.objectContaining({ tUs: 85e6, node: "db1" }),
    ]);
    // db1 renewed last at ≈ 50 s; it demotes itself 10 s + 10 s later (loop_wait + retry_timeout)
    // and takes writes again when its renewal at 90 s is answered: ≈ 20 s of refused writes.
    expect(rolesOf(events, "db1")).toEqual(["primary@1", "fenced@1", "primary@1"]);
    expect(metrics.downtime_s!).toBeGreaterThan(19.9);
    expect(metrics.downtime_s!).toBeLessThan(20.1);
    expect(metrics).toMatchObject({
      failovers: 0,
      failbacks: 0,
      false_failovers: 0,
      split_brain_s: 0,
      lost_writes: 0,
    });
  });
});

describe("a promotion a crash cut short", () => {
  it("is ordered again, recorded as a promotion, and fences the old primary", async () => {
    const { metrics, events } = await run("promotion-cut-short");
    // db2, ordered into epoch 2 at ≈ 46 s, crashes while promoting (50.2 s) and restarts (53.2 s).
    // Before, the controller told it to "resume" epoch 2: it took writes with no promotion, the old
    // primary db1 was never fenced, and 66 s of split brain hid behind failovers = 0.
    expect(rolesOf(events, "db2")).toEqual([
      "standby@1",
      "promoting@2",
      "rejoining@2",
      "promoting@2",
      "primary@2",
    ]);
    const [promoted] = ofKind(events, "promoted");
    expect(promoted).toMatchObject({ node: "db2", epoch: 2, previous: "db1" });
    // The failover started once, and its order was sent again after the restart.
    expect(ofKind(events, "failover_start")).toHaveLength(1);
    // Epoch fencing: db1 is fenced the instant db2's promotion completes.
    expect(
      ofKind(events, "role").find((event) => event.node === "db1" && event.role === "fenced")?.tUs,
    ).toBe(promoted.tUs);
    expect(metrics).toMatchObject({ failovers: 1, split_brain_s: 0, lost_writes: 0 });
  });
});

describe("a failback called off after its target was ordered promoted", () => {
  it("restores the stepped-down primary at once under a newer epoch", async () => {
    const { metrics, events } = await run("cancelled-failback");
    // db2 steps down at ≈ 91 s and db1 is ordered into epoch 3 at ≈ 92 s; db1 dies at 92.5 s and
    // is suspected 3 s after its last pong (≈ 95 s): db2 is promoted into epoch 4 in that instant.
    expect(rolesOf(events, "db2")).toEqual([
      "standby@1",
      "promoting@2",
      "primary@2",
      "fenced@2",
      "primary@4",
    ]);
    const [, back] = ofKind(events, "promoted");
    expect(back).toMatchObject({ node: "db2", epoch: 4, previous: "db1", planned: true });
    const suspected = ofKind(events, "suspect").find(
      (event) => event.node === "db1" && event.tUs > 92.5e6,
    )!;
    expect(back.tUs - suspected.tUs).toBeLessThan(2_000);
    // Nobody is told to follow the dead db1, and no client is sent to it after the crash.
    expect(
      ofKind(events, "reroute").filter((event) => event.tUs > 92.5e6 && event.target === "db1"),
    ).toEqual([]);
    // Writes are refused from the step-down (≈ 91 s) to db2's return (≈ 95 s), plus ≈ 3 s after the first crash.
    expect(metrics.downtime_s!).toBeLessThan(7.5);
    expect(metrics).toMatchObject({ failovers: 2, failbacks: 0, split_brain_s: 0 });
  });
});

describe("a failed STONITH attempt does not turn automatic failover off", () => {
  it("fences and fails over for the later, unrelated crash", async () => {
    const { metrics, events } = await run("stonith-block");
    const fencing = ofKind(events, "fencing").map((event) => [
      seconds(event.tUs),
      event.outcome,
      event.attempt,
    ]);
    // The blip's attempt fails after the 10 s timeout; the crash at 120 s is suspected ≈ 2 s later
    // (3 s after the last pong), and the device powers db1 off 5 s after that: db2 takes over 1 s later.
    expect(fencing[0]).toEqual([expect.closeTo(32.002, 2), "started", 1]);
    expect(fencing[1]).toEqual([expect.closeTo(42.002, 2), "failed", 1]);
    expect(fencing[2]).toEqual([expect.closeTo(122.002, 2), "started", 2]);
    expect(fencing[3]).toEqual([expect.closeTo(127.002, 2), "powered-off", 2]);
    expect(metrics.failovers).toBe(1);
    expect(metrics.downtime_s!).toBeGreaterThan(7.9);
    expect(metrics.downtime_s!).toBeLessThan(8.1);
  });

  it("after stonith-max-attempts failures waits for the cluster recheck, and says so", async () => {
    const file = path.join(import.meta.dirname, "fixtures", "stonith-block.ts");
    const raw = await loadScenarioFile(file);
    const { metrics, events } = runScenario(raw, {
      file,
      trace: "changes",
      overrides: [
        "failover.stonith.failureProbability=1",
        "failover.stonith.maxAttempts=2",
        "failover.stonith.timeout=5s",
        "failover.stonith.recheckInterval=60s",
      ],
    });
    // The blip's two attempts start at ≈ 32 s and ≈ 37 s and fail 5 s later each; the second
    // failure (≈ 42 s) comes after db1 was trusted again (40 s), so nothing waits. The crash at
    // 120 s is a new failure: attempt 3 at ≈ 122 s fails at ≈ 127 s; with 3 ≥ 2 failures the
    // controller says so and waits for the recheck, 60 s later, where it tries once more — and
    // again after each failure: ≈ 187 s, ≈ 252 s.
    const started = ofKind(events, "fencing")
      .filter((event) => event.outcome === "started")
      .map((event) => Math.round(seconds(event.tUs)));
    expect(started).toEqual([32, 37, 122, 187, 252]);
    const waits = ofKind(events, "no_candidate").map((event) => [
      Math.round(seconds(event.tUs)),
      event.reason,
    ]);
    expect(waits).toEqual([
      [
        127,
        expect.stringMatching(
          /fencing db1 failed 3 times \(maxAttempts 2\); next attempt at the cluster recheck, 187\.0\d+ s/,
        ),
      ],
      [192, expect.stringMatching(/failed 4 times/)],
      [257, expect.stringMatching(/failed 5 times/)],
    ]);
    expect(metrics.failovers).toBe(0);
  });
});

describe("cases the swarm found (sim fuzz --swarm, shrunk)", () => {
  it("every write issued has its outcome, retries included", async () => {
    const { metrics } = await run("retry-drain");
    expect(metrics.writes_acked! + metrics.writes_failed!).toBe(metrics.writes_attempted);
  });

  it("confirms a promotion by the node's report even while min-replicas fences it", async () => {
    const { metrics, events } = await run("min-replicas-confirm");
    // db2 is promoted at ≈ 86.9 s and fenced by min-replicas at once; its notice was lost. Its report
    // of epoch 2 confirms it, db1 is told to follow, and db2 takes writes again within seconds.
    const db1 = rolesOf(events, "db1");
    expect(db1[db1.length - 1]).toBe("standby@2");
    expect(rolesOf(events, "db2").slice(-1)).toEqual(["primary@2"]);
    expect(metrics.downtime_s!).toBeLessThan(5);
  });

  it("calls a failover off when its target fails before confirming and the old primary serves", async () => {
    const { metrics, events } = await run("called-off-failover");
    // db3 (cold, booting) is suspected at 45.017 s before it confirmed: db1 is promoted back into
    // epoch 3 in that instant, and nobody was ever pointed at db3.
    const suspected = ofKind(events, "suspect").find((event) => event.node === "db3")!;
    expect(ofKind(events, "promoted")[0]).toMatchObject({
      node: "db1",
      epoch: 3,
      previous: "db3",
      tUs: expect.any(Number),
    });
    expect(ofKind(events, "promoted")[0].tUs - suspected.tUs).toBeLessThan(2_000);
    expect(ofKind(events, "reroute").filter((event) => event.target === "db3")).toEqual([]);
    expect(metrics).toMatchObject({ lost_writes: 0, split_brain_s: 0 });
    expect(metrics.downtime_s!).toBeLessThan(15);
  });

  it("fences a lease-holding primary when its lease lapses, with no write to notice it", async () => {
    const { metrics, events } = await run("lease-lapse-without-writes");
    // Renewals every 9 s, 1 ms each way: the one sent at 9 s is answered at 9.002 s; the one at
    // 18 s is lost in the cut (11-21 s). By its own clock db1's lease lapses once 9 + 2 s have
    // passed since 9.002 s: fenced at 20.002001 s, the first whole microsecond after. The store's
    // lease (16 s from 9.001 s) expires at 25.001 s, and db2 is primary from 26.002 s, when db1
    // has long refused writes. (Before, db1 fenced itself only at its next write or renewal: with
    // no clients it counted as a writable primary until told to follow at 26.004 s.)
    const fenced = ofKind(events, "role").find(
      (event) => event.node === "db1" && event.role === "fenced",
    )!;
    expect(fenced.tUs).toBe(20_002_001);
    const promoted = ofKind(events, "promoted")[0];
    expect(promoted).toMatchObject({ node: "db2", tUs: 26_002_000 });
    expect(metrics).toMatchObject({ failovers: 1, split_brain_s: 0 });
  });

  it("does not order a confirmed promotion again on a report older than it", async () => {
    const { metrics, events } = await run("stale-report-after-confirmation");
    // db2 is confirmed primary of epoch 2 at about 51.0 s and restarts at 51.3 s ("rejoining"). Its
    // next report comes with its renewal at 60 s: the controller tells it to resume, and it is
    // primary again a round trip later. (Before, the report mon1 held through its pause made the
    // controller order the promotion again at 51.5 s and wait for it to the end: availability 0.18.)
    const db2Primary = ofKind(events, "role").filter(
      (event) => event.node === "db2" && event.role === "primary",
    );
    expect(db2Primary).toHaveLength(2);
    expect(db2Primary[1].tUs).toBeGreaterThan(60_000_000);
    expect(db2Primary[1].tUs).toBeLessThan(60_010_000);
    expect(rolesOf(events, "db2").slice(-1)).toEqual(["primary@2"]);
    expect(metrics.failovers).toBe(1);
    expect(metrics.availability!).toBeGreaterThan(0.9);
  });

  it("confirms a promotion by report after the controller gave up waiting for it", async () => {
    const { metrics, events } = await run("unconfirmed-primary");
    // db2 becomes primary at ≈ 12.71 s while its notice is cut; the heal at 12.8 s lets its report
    // through, and the clients follow within a millisecond or two.
    const [promoted] = ofKind(events, "promoted");
    expect(promoted.tUs).toBeLessThan(12.8e6);
    const reroute = ofKind(events, "reroute").find((event) => event.target === "db2")!;
    expect(reroute.tUs).toBeGreaterThan(12.8e6);
    expect(reroute.tUs).toBeLessThan(12.81e6);
    expect(metrics.downtime_s!).toBeLessThan(1);
  });
});

describe("an observation from outside the network with no controller acting", () => {
  it("waits for the next controller's heartbeat instead of being lost", async () => {
    const { metrics, events } = await run("fence-without-controller");
    // db1 is powered off at ≈ 35.708 s, inside the blip (35–35.9 s) that leaves no majority; the
    // first heartbeat of a controller after it (≈ 36.7 s at the 3.371 s interval, or sooner) acts:
    // db2 is promoted then, not never.
    const poweredOff = ofKind(events, "fencing").find((event) => event.outcome === "powered-off")!;
    expect(seconds(poweredOff.tUs)).toBeCloseTo(35.708, 3);
    const [start] = ofKind(events, "failover_start");
    expect(start.tUs).toBeGreaterThan(poweredOff.tUs);
    expect(start.tUs - poweredOff.tUs).toBeLessThan(3.5e6);
    expect(metrics.failovers).toBe(1);
  });
});
