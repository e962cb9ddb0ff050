// Every detector kind of the registry, fed random histories of probes, replies, expiries and signs
// of life at whole-microsecond times, and asked after each step when it would suspect the node: the
// time it asks for is never NaN; scheduled at the engine's one rounding rule (wholeUs: round up),
// it lands on the first whole microsecond at which the detector does suspect — never one at which
// it does not yet (which would re-arm its check in the same microsecond forever). A detector that
// only counts probes asks for no time (Infinity) and asks for its probes' deadlines instead, each a
// whole microsecond.
import { describe, expect, it } from "vitest";
import { Rng, wholeUs } from "../../sim/engine/index.ts";
import { detectorDraws } from "../../sim/fuzz/swarm/option-draws.ts";
import { createDetector, detectorKinds } from "../../sim/model/detectors/index.ts";
import { detectorAlone } from "./detector-alone.ts";

const histories = 60;
const steps = 200;

function drawnDetector(kind: (typeof detectorKinds)[number], rng: Rng) {
  return detectorAlone(detectorDraws[kind](rng));
}

describe.each(detectorKinds.map((kind) => [kind]))("the %s detector", (kind) => {
  it("asks for times it suspects at, rounded up to whole microseconds, over random histories", () => {
    for (let history = 0; history < histories; history++) {
      const rng = new Rng(history, `detector-history:${kind}`);
      const { config, lease } = drawnDetector(kind, rng);
      const startUs = rng.int(5_000_000);
      const detector = createDetector(config, lease, startUs);
      let nowUs = startUs;
      let seq = 0;
      const open: { seq: number; sentUs: number }[] = [];
      for (let step = 0; step < steps; step++) {
        nowUs += rng.chance(0.1) ? 0 : 1 + rng.int(rng.chance(0.5) ? 2_000 : 3 * config.intervalUs);
        const roll = rng.float();
        if (roll < 0.35) {
          open.push({ seq: ++seq, sentUs: nowUs });
          detector.probeSent(seq, nowUs);
          if (detector.probeTimeoutUs > 0)
            expect(Number.isInteger(nowUs + detector.probeTimeoutUs)).toBe(true);
        } else if (roll < 0.7 && open.length > 0) {
          const [probe] = open.splice(rng.int(open.length), 1);
          detector.reply(probe.seq, probe.sentUs, nowUs);
        } else if (roll < 0.85 && open.length > 0) {
          const [probe] = open.splice(0, 1);
          detector.probeExpired(probe.seq, Math.max(nowUs, probe.sentUs + detector.probeTimeoutUs));
          nowUs = Math.max(nowUs, probe.sentUs + detector.probeTimeoutUs);
        } else if (roll < 0.98) {
          detector.lifeSign(nowUs);
        } else {
          detector.reset(nowUs);
          open.length = 0;
        }
        const askedUs = detector.suspicionAtUs();
        expect(Number.isNaN(askedUs), `${kind}: NaN at step ${step}`).toBe(false);
        if (askedUs === Infinity) continue;
        const atUs = wholeUs(askedUs);
        if (atUs < nowUs) {
          expect(
            detector.suspects(nowUs),
            `${kind}: asked for a past time, yet not suspected`,
          ).toBe(true);
          continue;
        }
        expect(
          detector.suspects(atUs),
          `${kind}: not suspected at the time it asked for (${atUs})`,
        ).toBe(true);
        if (atUs - 1 >= nowUs)
          expect(
            detector.suspects(atUs - 1),
            `${kind}: suspected before the time it asked for`,
          ).toBe(false);
      }
    }
  });
});
