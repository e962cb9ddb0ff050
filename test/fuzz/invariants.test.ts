// The invariants (invariants.ts) judging runs of fixed schedules (trial.ts). The liveness one is
// checked against counts computed by hand on a scenario with evenly spaced writes.
import { describe, expect, it } from "vitest";
import type { Episode } from "../../sim/fuzz/episode.ts";
import { invariantNames, type InvariantName } from "../../sim/fuzz/invariant-names.ts";
import { invariants } from "../../sim/fuzz/invariants.ts";
import { runTrial, withoutFaults } from "../../sim/fuzz/trial.ts";
import asyncUnfenced from "./fixtures/async-unfenced.ts";
import staleDns from "./fixtures/stale-dns.ts";
import syncFenced from "./fixtures/sync-fenced.ts";

const s = (seconds: number) => Math.round(seconds * 1e6);

function trial(scenario: object, invariant: InvariantName, schedule: Episode[], settleUs = s(20)) {
  return runTrial(
    { base: withoutFaults(scenario), file: "fixture.ts", invariant, settleUs, durationUs: s(120) },
    schedule,
    1,
  );
}

describe("recovers-after-faults", () => {
  // db1 crashes at 12 s and restarts at 17 s. The monitor promotes db2 meanwhile; db1 comes back
  // as its standby. The settle period is 22.05 s (settle-period.test.ts: detection 4 s, promotion
  // 1.05 s, status 1 s, a 1 s client timeout + a 5 s DNS ttl, margin 10 s): writes issued from
  // 17 + 22.05 = 39.05 s on must be acknowledged. Writes go out every 100 ms from t = 0, so those
  // issued in [39.05 s, 60 s) are the 209 at 39.1 s, 39.2 s, …, 59.9 s.
  const crash: Episode[] = [
    { fault: { kind: "crash", node: "db1" }, startUs: s(12), lengthUs: s(5), repaired: true },
  ];
  const withDns = (ignoreTtl: number) => ({
    ...staleDns,
    clients: { ...staleDns.clients, routing: { dns: { ttl: "5s", ignoreTtl } } },
  });
  const judge = (scenario: object, schedule: Episode[]) =>
    runTrial(
      {
        base: withoutFaults(scenario),
        file: "stale-dns.ts",
        invariant: "recovers-after-faults",
        settleUs: s(22.05),
        durationUs: s(60),
      },
      schedule,
      1,
    );

  it("is broken when clients never look the primary up again: all 209 writes are rejected", () => {
    const { verdict, metrics } = judge(withDns(1), crash);
    expect(metrics.failovers).toBe(1);
    expect(verdict).toEqual({
      violated: true,
      detail:
        "209 of 209 writes issued from 39.1 s on (last fault over at 17 s, + 22.1 s to settle) failed; the first, issued at 39.1 s: rejected",
    });
  });

  it("holds when they follow the DNS record within its TTL", () => {
    expect(judge(withDns(0), crash).verdict).toEqual({
      violated: false,
      detail:
        "all 209 writes issued from 39.1 s on (last fault over at 17 s, + 22.1 s to settle) acknowledged",
    });
  });

  it("cannot judge a schedule whose fault lasts to the end of the run, and lets it pass", () => {
    const forever: Episode[] = [{ ...crash[0], repaired: false }];
    expect(judge(withDns(1), forever).verdict.violated).toBe(false);
  });
});

describe("the safety invariants", () => {
  // The zones are cut for 10 s from 20 s on: longer than detection (3 s), so db2 is promoted
  // while db1, beside the clients, keeps acknowledging writes.
  const cut: Episode[] = [
    {
      fault: { kind: "partition", groups: [["east"], ["west"]] },
      startUs: s(20),
      lengthUs: s(10),
      repaired: true,
    },
  ];

  it("see lost writes and two primaries under async replication without fencing", () => {
    const lost = trial(asyncUnfenced, "no-lost-acked-writes", cut);
    expect(lost.verdict.violated).toBe(true);
    expect(lost.metrics.lost_writes).toBeGreaterThan(0);
    expect(lost.verdict.detail).toMatch(
      new RegExp(
        `^lost_writes = ${lost.metrics.lost_writes}, rpo_s = \\d+\\.\\d{6}, failovers = 1$`,
      ),
    );
    const twoPrimaries = trial(asyncUnfenced, "single-writable-primary", cut);
    expect(twoPrimaries.verdict.violated).toBe(true);
    expect(twoPrimaries.metrics.split_brain_s).toBeGreaterThan(0);
  });

  it("hold under sync replication with epoch fencing", () => {
    for (const invariant of ["no-lost-acked-writes", "single-writable-primary"] as const) {
      const { verdict, metrics } = trial(syncFenced, invariant, cut);
      expect(verdict.violated).toBe(false);
      expect([metrics.lost_writes, metrics.split_brain_s]).toEqual([0, 0]);
    }
  });

  it("expect: the scenario's own expectations decide (the fixture expects lostWrites: 0)", () => {
    const { verdict } = trial(asyncUnfenced, "expect", cut);
    expect(verdict.violated).toBe(true);
    expect(verdict.detail).toMatch(/^expected lost_writes = 0, got \d+$/);
    expect(trial(asyncUnfenced, "expect", []).verdict).toEqual({
      violated: false,
      detail: "every expectation met",
    });
  });

  it("are named in one registry", () => {
    expect(invariantNames).toEqual([
      "no-lost-acked-writes",
      "single-writable-primary",
      "recovers-after-faults",
      "expect",
    ]);
    expect(Object.keys(invariants)).toEqual([...invariantNames]);
  });
});
