// The settle period of recovers-after-faults (settle-period.ts), computed by hand term by term.
import { describe, expect, it } from "vitest";
import { settlePeriodUs, settleTerms } from "../../sim/fuzz/settle-period.ts";
import { resolveScenario } from "../../sim/scenario/index.ts";
import asyncUnfenced from "./fixtures/async-unfenced.ts";
import staleDns from "./fixtures/stale-dns.ts";

const world = (scenario: object) => resolveScenario(scenario, { file: "fixture.ts" }).world;

describe("the settle period", () => {
  it("adds detection, fencing, promotion, replication, rejoin, clients and a margin", () => {
    // timeout detector: 3 s + one 1 s interval; no fencing; a hot standby: applyDelay 50 ms +
    // promoteIn 1 s (defaults); statusInterval 1 s; a deposed primary follows at once;
    // clients: one 1 s timeout, no retries; 10 s.
    expect(settleTerms(world(asyncUnfenced))).toEqual({
      detectionUs: 4_000_000,
      fencingUs: 0,
      promotionUs: 1_050_000,
      replicationUs: 1_000_000,
      rejoinUs: 0,
      clientsUs: 1_000_000,
      marginUs: 10_000_000,
    });
    expect(settlePeriodUs(world(asyncUnfenced))).toBe(17_050_000);
  });

  it("counts a DNS TTL, retries with backoff, STONITH and a cold standby's restore", () => {
    // clients: timeout 1 s × 3 attempts + backoffs 100 + 200 ms + DNS ttl 5 s = 8.3 s.
    const clients = { ...staleDns.clients, retries: 2 };
    expect(settleTerms(world({ ...staleDns, clients })).clientsUs).toBe(8_300_000);
    // stonith defaults: no delay + 5 s power-off; no failure probability, so no timeout.
    expect(
      settleTerms(world({ ...asyncUnfenced, failover: { fencing: "stonith" } })).fencingUs,
    ).toBe(5_000_000);
    // cold db2: boot 2 m + restore 3 m + replay of min(24 h, 2 m) × 50 writes/s = 6000 entries at
    // 5000/s = 1.2 s + promoteIn 1 s + warm-up 2 m = 422.2 s.
    const nodes = {
      ...asyncUnfenced.nodes,
      db2: { role: "standby", readiness: "cold", zone: "west" },
    };
    expect(settleTerms(world({ ...asyncUnfenced, nodes })).promotionUs).toBe(422_200_000);
  });

  it("waits for a deposed primary's rejoin: rewindIn, the longest restoreIn, or jittered rounds", () => {
    const rewind = { ...asyncUnfenced, failover: { rejoin: "rewind", rewindIn: "20s" } };
    expect(settleTerms(world(rewind)).rejoinUs).toBe(20_000_000);
    // rebuild: the data nodes' restoreIn, 3 min by default.
    const rebuild = { ...asyncUnfenced, failover: { rejoin: "rebuild" } };
    expect(settleTerms(world(rebuild)).rejoinUs).toBe(180_000_000);
    // Rounds spaced up to 1.5 intervals apart: detection 3 s + 1.5 s.
    const jittered = {
      ...asyncUnfenced,
      detector: { ...asyncUnfenced.detector, intervalJitter: 0.5 },
    };
    expect(settleTerms(world(jittered)).detectionUs).toBe(4_500_000);
  });
});
