// Each shipped sample configuration imported, run (seed 1, its crash pinned to the middle of the
// round it is drawn from: the average case) and held to a timeline computed by hand from its
// values and the system's documented mechanics: when db1 crashes, when it is first
// suspected, how long db2's promotion takes, and when writes are acknowledged again. One network
// hop is 1 ms ± 0.5 ms (the model's default latency and jitter); clients write 100/s (Poisson),
// so writes resume a few ms after the promotion.
//
// patroni.yml — ttl 20, loop_wait 5, retry_timeout 5 (5 + 2 × 5 ≤ 20: Patroni keeps them). db1
// renews its leader key every 5 s from 0; the crash lands halfway between two renewals, 300 +
// 2.5 s. The renewal of 300 s reaches the DCS a hop later; the key expires ttl = 20 s after it,
// at 320.001 s: detection 17.501 s. db2 takes the key and, a hot replica, promotes itself in
// 1 s: writes at ≈ 321 s, rto ≈ 18.5 s.
//
// sentinel.conf — quorum 2 of 3 Sentinels (two known-sentinel lines), down-after-milliseconds
// 5000. Each Sentinel pings every second (1000 ms < 5000 ms); the crash lands at 300 + 0.5 s.
// The ping of 300 s is answered a round trip later; 5 s of silence since then make db1 SDOWN
// at ≈ 305.002 s: detection 4.502 s. All three agree at once; presets.redisSentinel's 2 s
// (ODOWN poll, election delay, SLAVEOF NO ONE) later db2 takes writes: rto ≈ 6.5 s.
//
// postgres-statefulset.yaml — readinessProbe periodSeconds 5, timeoutSeconds 2,
// failureThreshold 3. Probes every 5 s; the crash lands at 300 + 2.5 s. The probes of 305, 310
// and 315 s fail at their deadlines, 307, 312 and 317 s: out at 317 s, detection 14.5 s exactly
// (documented: (3 − 1) × 5 + 2 = 12 s, plus up to one period). A hot standby's 1 s promotion:
// writes at ≈ 318 s, rto ≈ 15.5 s.
//
// haproxy.cfg — server pg-a check inter 2s fall 3 (its line beats default-server inter 3s);
// timeout check is set, so a server that does not accept the connection fails after
// min(timeout connect 5s, inter 2s) = 2 s. Checks every 2 s; the crash lands at 300 + 1 s. The
// checks of 302, 304 and 306 s fail at 304, 306 and 308 s: DOWN at 308 s, detection 7 s
// exactly. Traffic moves to the backup at once (promoteIn 0): rto ≈ 7 s.
import { describe, expect, it } from "vitest";
import { expectTimeline, firstS, importAndRun, type HandTimeline } from "./import-kit.ts";

const samples: Record<string, HandTimeline> = {
  "patroni.yml": {
    crashWindow: "300s..305s",
    crashAt: "302.5s",
    suspectS: [320.0005, 320.0015],
    detectionS: [17.5005, 17.5015],
    promotionS: 1,
    rtoS: [18.5, 18.6],
  },
  "sentinel.conf": {
    crashWindow: "300s..301s",
    crashAt: "300.5s",
    suspectS: [305.001, 305.003],
    detectionS: [4.501, 4.503],
    promotionS: 2,
    rtoS: [6.5, 6.6],
  },
  "postgres-statefulset.yaml": {
    crashWindow: "300s..305s",
    crashAt: "302.5s",
    suspectS: [317, 317],
    detectionS: [14.5, 14.5],
    promotionS: 1,
    rtoS: [15.5, 15.6],
  },
  "haproxy.cfg": {
    crashWindow: "300s..302s",
    crashAt: "301s",
    suspectS: [308, 308],
    detectionS: [7, 7],
    promotionS: 0,
    rtoS: [7, 7.1],
  },
};

describe("imported samples against hand-computed timelines (derived in the header)", () => {
  for (const [sample, hand] of Object.entries(samples)) {
    it(`${sample}: db1 crashes at ${hand.crashAt}, is suspected within [${hand.suspectS.join(", ")}] s, db2 promoted ${hand.promotionS} s later`, async () => {
      expectTimeline(await importAndRun(sample, {}, undefined, hand.crashAt), hand);
    });
  }
});

// Unpinned, each seed crashes db1 at its own moment of the round. The moment of suspicion does
// not move with it (a key expires ttl after its last renewal; Sentinels call it down
// down-after-milliseconds after the last ping answered; probes fail at their own deadlines), so
// detection_s is that moment less the crash — and stays inside the documented window. A crash in
// the round's first 10 ms may beat the answer to the round's first ping: those seeds are skipped.
describe("imported samples over seeds: the crash drawn from its round", () => {
  for (const [sample, hand] of Object.entries(samples)) {
    it(`${sample}: crashes spread over ${hand.crashWindow}; suspected at the same moment`, async () => {
      const [fromS, toS] = hand.crashWindow.split("..").map((text) => parseFloat(text));
      const crashes: number[] = [];
      for (let seed = 1; seed <= 8; seed++) {
        const { result } = await importAndRun(sample, {}, undefined, undefined, seed);
        const crashS = result.world.faults[0].atUs / 1e6;
        crashes.push(crashS);
        expect(crashS).toBeGreaterThanOrEqual(fromS);
        expect(crashS).toBeLessThanOrEqual(toS);
        expect(result.breaches).toEqual([]);
        if (crashS < fromS + 0.01) continue;
        const suspectS = firstS(result, "suspect", "db1");
        expect(suspectS).toBeGreaterThanOrEqual(hand.suspectS[0]);
        expect(suspectS).toBeLessThanOrEqual(hand.suspectS[1]);
        expect(result.metrics.detection_s).toBeCloseTo(suspectS - crashS, 6);
      }
      expect(new Set(crashes).size).toBe(crashes.length);
    });
  }
});
