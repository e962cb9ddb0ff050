// A monitor's watches (sim/model/monitor-watch.ts) let the acting controller's decision skip
// asking every detector until a verdict may have changed. For every detector kind in the registry,
// with its defaults and with drawn settings: a random life of rounds, replies, signs of life,
// probe deadlines, nodes falling silent and answering again, monitor restarts and decisions.
// Whenever Watches says no detector need be asked, every detector agrees with the verdict
// announced; and in a life where nodes mostly answer, most decisions skip the asking.
import { describe, expect, it } from "vitest";
import { Rng } from "../../sim/engine/index.ts";
import { detectorKindOf, detectorKinds } from "../../sim/model/index.ts";
import { createDetector, type FailureDetector } from "../../sim/model/detectors/index.ts";
import { Watches } from "../../sim/model/monitor-watch.ts";
import { detectorAlone } from "./detector-alone.ts";

const nodes = ["db1", "db2", "db3", "db4"];

interface Life {
  /** Detectors found disagreeing with their verdict at decisions Watches let skip (must be 0). */
  missed: number;
  decisions: number;
  skipped: number;
  /** Verdicts that changed when asked. */
  changes: number;
}

/** A random life of one monitor's watches; `silence` is how often a node falls silent. */
function live(detector: unknown, seed: number, steps: number, silence: number): Life {
  const { config, lease } = detectorAlone(detector);
  const fresh = (nowUs: number) => () => createDetector(config, lease, nowUs);
  const watches = new Watches(nodes, fresh(0));
  const rng = new Rng(seed, "watches");
  const probeTimeoutUs = watches.list[0].detector.probeTimeoutUs;
  const open = nodes.map(() => [] as { seq: number; sentUs: number }[]);
  const silent = nodes.map(() => false);
  const life: Life = { missed: 0, decisions: 0, skipped: 0, changes: 0 };
  const ask = (each: (typeof watches.list)[number]) => {
    if (watches.ask(each, nowUs)) life.changes++;
  };
  // A monitor asks a detector right after most news (monitor.ts, judge); not always, here, so that
  // news alone must be enough to keep the bound.
  let judge = () => {};
  let seq = 0;
  let nowUs = 0;
  for (let step = 0; step < steps; step++) {
    // Sometimes several things happen in one microsecond.
    if (rng.chance(0.8)) nowUs += 1 + rng.int(config.intervalUs / 4);
    const i = rng.int(nodes.length);
    const watch = watches.list[i];
    judge = () => (rng.chance(0.5) ? ask(watch) : undefined);
    if (rng.chance(silence)) silent[i] = !silent[i];
    const what = rng.float();
    if (what < 0.1) {
      watches.list.forEach((each, j) => {
        watches.probeSent(each, ++seq, nowUs);
        open[j].push({ seq, sentUs: nowUs });
      });
    } else if (what < 0.45) {
      const probe = open[i].shift();
      if (!silent[i] && probe !== undefined) {
        watches.reply(watch, probe.seq, probe.sentUs, nowUs);
        judge();
      }
    } else if (what < 0.55) {
      const probe = open[i][0];
      if (probeTimeoutUs > 0 && probe !== undefined && probe.sentUs + probeTimeoutUs <= nowUs) {
        open[i].shift();
        watches.probeExpired(watch, probe.seq, nowUs);
        judge();
      }
    } else if (what < 0.6) {
      if (!silent[i]) {
        watches.lifeSign(watch, nowUs);
        judge();
      }
    } else if (what < 0.605) {
      watches.restart(fresh(nowUs));
      open.forEach((probes) => (probes.length = 0));
    } else {
      life.decisions++;
      if (watches.dueForAll(nowUs)) {
        for (const each of watches.list) ask(each);
      } else {
        life.skipped++;
        for (const each of watches.list)
          if ((each.detector as FailureDetector).suspects(nowUs) !== each.suspected) life.missed++;
      }
    }
  }
  return life;
}

describe.each(detectorKinds)("the watches of detector kind %s", (kind) => {
  const module = detectorKindOf(kind);
  const settings = [
    { kind },
    ...Array.from({ length: 4 }, (_, i) => module.draw(new Rng(i, `watches:${kind}`))),
  ];

  it("never skip asking while a detector disagrees with its verdict", () => {
    for (const [i, detector] of settings.entries()) {
      for (const silence of [0.002, 0.05]) {
        const life = live(detector, i, 6000, silence);
        expect(life.missed, JSON.stringify(detector)).toBe(0);
        // Nodes fell silent and answered again: verdicts changed, and the skip was put to use.
        expect(life.changes).toBeGreaterThan(0);
        expect(life.skipped).toBeGreaterThan(0);
      }
    }
  });

  it("skip asking for most decisions while nodes mostly answer", () => {
    const life = live({ kind }, 1, 6000, 0.002);
    expect(life.skipped / life.decisions).toBeGreaterThan(0.5);
  });
});
