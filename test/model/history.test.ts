// The write history and its compaction: random runs of the operations the world performs on
// logs (primary appends, acknowledgements arriving late, replication, promotions that branch a
// timeline, rewinds to a common prefix, cold-standby restore points) applied side by side to a
// history that keeps everything and to one that compacts every few appends. Every value the
// world reads must agree — acceptance times at log ends and at the first entry a standby
// receives, acknowledged entries discarded by rewinds — and so must the lost-write accounting
// (count, first and last acceptance, RPO) for whichever node ends as the authority.
import { describe, expect, it } from "vitest";
import { History, lostRanges, type NodeLog } from "../../sim/model/history.ts";

/** A deterministic generator (an LCG) so a failure names a reproducible seed. */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * n);
  };
}

interface Side {
  history: History;
  logs: NodeLog[];
  /** A cold standby's last restore point. */
  archive: NodeLog;
}

function side(compactEvery: number | null, nodes: number): Side {
  const history = new History("n0", compactEvery ?? Number.MAX_SAFE_INTEGER);
  const logs = Array.from({ length: nodes }, () => ({ timeline: history.root, length: 0 }));
  const result: Side = { history, logs, archive: { timeline: history.root, length: 0 } };
  if (compactEvery !== null) history.trackLiveLogs(() => [...result.logs, result.archive]);
  return result;
}

function runOnce(seed: number, steps: number): { compactions: number } {
  const nodes = 3;
  const pick = generator(seed);
  const full = side(null, nodes);
  const compacting = side(5, nodes);
  const sides = [full, compacting];
  // Writes acknowledged later: (timeline id, position) of recent appends.
  const pendingAcks: [number, number][] = [];
  let nowUs = 0;
  let writer = 0;

  for (let step = 0; step < steps; step++) {
    nowUs += 1 + pick(1000);
    const op = pick(100);
    if (op < 55) {
      // The writer (or a deposed primary still taking writes) appends.
      const node = pick(4) === 0 ? pick(nodes) : writer;
      const log = full.logs[node];
      if (log.timeline.owner !== `n${node}` && !(node === 0 && log.timeline === full.history.root))
        continue;
      if (log.length !== log.timeline.end) continue;
      const positions = sides.map(({ history, logs }) => {
        const position = history.append(logs[node].timeline, nowUs);
        logs[node].length = position;
        return position;
      });
      expect(positions[1]).toBe(positions[0]);
      pendingAcks.push([log.timeline.id, positions[0]]);
    } else if (op < 70) {
      // An acknowledgement arrives (most soon, some late).
      if (pendingAcks.length === 0) continue;
      const index = pendingAcks.length - 1 - pick(Math.min(pendingAcks.length, 50));
      const [timelineId, position] = pendingAcks.splice(index, 1)[0];
      for (const { history } of sides) history.markAcked(history.timelines[timelineId], position);
    } else if (op < 85) {
      // A standby receives entries from a node whose log extends its own.
      const standby = pick(nodes);
      const source = pick(nodes);
      if (standby === source) continue;
      const common = full.history.commonPrefix(full.logs[standby], full.logs[source]);
      expect(
        compacting.history.commonPrefix(compacting.logs[standby], compacting.logs[source]),
      ).toBe(common);
      if (common !== full.logs[standby].length || full.logs[source].length <= common) continue;
      const to = common + 1 + pick(full.logs[source].length - common);
      const lags = sides.map(({ history, logs }) => {
        logs[standby] = { timeline: logs[source].timeline, length: to };
        return history.acceptUsAt(logs[standby], common + 1);
      });
      expect(lags[1]).toBe(lags[0]);
    } else if (op < 89) {
      // A promotion: a new timeline branches off the promoted node's log.
      const node = pick(nodes);
      for (const { history, logs } of sides) {
        const timeline = history.branch(logs[node].timeline, logs[node].length, `n${node}`);
        logs[node] = { timeline, length: logs[node].length };
      }
      writer = node;
    } else if (op < 95) {
      // A rewind: a node follows another and drops what that one's history lacks.
      const node = pick(nodes);
      const upstream = pick(nodes);
      if (node === upstream) continue;
      const discarded = sides.map(({ history, logs }) => {
        const common = history.commonPrefix(logs[node], logs[upstream]);
        const acked = history.ackedBetween(logs[node], common, logs[node].length);
        logs[node] = { timeline: logs[upstream].timeline, length: common };
        return [common, acked];
      });
      expect(discarded[1]).toEqual(discarded[0]);
    } else if (op < 97) {
      // An archive of the writer's log for a cold standby.
      for (const s of sides)
        s.archive = { timeline: s.logs[writer].timeline, length: s.logs[writer].length };
    } else {
      // A cold standby restores from the archive.
      const node = pick(nodes);
      for (const s of sides)
        s.logs[node] = { timeline: s.archive.timeline, length: s.archive.length };
    }
    // Every node reports its last commit time.
    for (let node = 0; node < nodes; node++) {
      const reported = sides.map(({ history, logs }) =>
        logs[node].length > 0 ? history.acceptUsAt(logs[node], logs[node].length) : 0,
      );
      expect(reported[1]).toBe(reported[0]);
    }
  }

  // Any node may end as the authority: the accounting must agree for each.
  for (let node = 0; node < nodes; node++) {
    const summaries = sides.map(({ history, logs }) =>
      lostRanges(history, logs[node]).map(({ timeline, count, firstUs, lastUs, keptUs }) => ({
        timeline: timeline.id,
        count,
        firstUs,
        lastUs,
        keptUs,
      })),
    );
    expect(summaries[1]).toEqual(summaries[0]);
  }
  const compactions = compacting.history.timelines.reduce(
    (sum, timeline) => sum + timeline.dropped,
    0,
  );
  return { compactions };
}

describe("History", () => {
  it("compaction changes nothing the world reads, lost-write accounting included", () => {
    let dropped = 0;
    for (let seed = 1; seed <= 60; seed++) dropped += runOnce(seed, 3000).compactions;
    // The test is only meaningful if compaction really dropped entries.
    expect(dropped).toBeGreaterThan(10_000);
  });

  it("keeps memory bounded by what the live logs do not share", () => {
    const history = new History("db1", 1000);
    const primary = { timeline: history.root, length: 0 };
    const standby = { timeline: history.root, length: 0 };
    history.trackLiveLogs(() => [primary, standby]);
    for (let i = 1; i <= 1_000_000; i++) {
      primary.length = history.append(primary.timeline, i);
      history.markAcked(primary.timeline, i);
      standby.length = Math.max(0, i - 500);
    }
    expect(history.root.dropped).toBeGreaterThan(990_000);
    expect(history.root.acceptUs.length).toBeLessThan(16_384);
    expect(history.acceptUsAt(standby, standby.length)).toBe(standby.length);
    expect(lostRanges(history, standby)[0].count).toBe(500);
  });

  it("keeps a steady timeline's arrays from one compaction to the next instead of regrowing them", () => {
    const history = new History("db1", 4000);
    const primary = { timeline: history.root, length: 0 };
    const standby = { timeline: history.root, length: 0 };
    history.trackLiveLogs(() => [primary, standby]);
    let reallocations = 0;
    let arrays = history.root.acceptUs;
    for (let i = 1; i <= 200_000; i++) {
      primary.length = history.append(primary.timeline, i);
      standby.length = Math.max(0, i - 10); // close behind, as a hot standby is
      if (history.root.acceptUs !== arrays) {
        reallocations++;
        arrays = history.root.acceptUs;
      }
    }
    // 50 compactions; the growth to room for a compaction's 4,000 appends takes a few doublings, once.
    expect(history.root.dropped).toBeGreaterThan(190_000);
    expect(reallocations).toBeLessThanOrEqual(5);
    expect(history.root.acceptUs.length).toBeLessThan(16_384);
  });

  it("reuses the arrays timelines let go of: promoting again and again allocates a bounded set", () => {
    // Each promotion starts a timeline that grows doubling by doubling, and the one before stops
    // being written and shrinks at the next compaction: without reuse, every cycle allocated new
    // arrays, whose memory comes back only when the garbage collector sweeps its old generation.
    const history = new History("db1", 1_000);
    let log = { timeline: history.root, length: 0 };
    history.trackLiveLogs(() => [log]);
    const buffers = new Set<ArrayBufferLike>();
    for (let promotion = 1; promotion <= 60; promotion++) {
      for (let i = 0; i < 5_000; i++) {
        log.length = history.append(log.timeline, log.length);
        for (const timeline of history.timelines) buffers.add(timeline.acceptUs.buffer);
      }
      const promoted = history.branch(log.timeline, log.length, `db${promotion}`);
      log = { timeline: promoted, length: log.length };
    }
    expect(history.timelines.length).toBe(61);
    // Every timeline keeps its smallest arrays (256 entries) once written no more; beyond those,
    // the growing timeline's arrays (256 … 8,192 entries) come back from the spare ones: a few
    // per capacity at most, whatever the number of promotions (before the spare arrays: 119).
    expect(buffers.size - history.timelines.length).toBeLessThanOrEqual(8);
  });
});
