// The write history and its compaction: random runs of the operations the world performs on
// logs (primary appends, acknowledgements arriving late, replication, promotions that branch a
// timeline, rewinds to a common prefix, cold-standby restore points) applied side by side to a
// history that keeps everything and to one that compacts every few appends. Every value the
// world reads must agree — acceptance times at log ends and at the first entry a standby
// receives, acknowledged entries discarded by rewinds — and so must the lost-write accounting
// (count, first and last acceptance, RPO) for whichever node ends as the authority.
import { describe, expect, it } from "vitest";
import { EntryPages, PagePool, pageSize } from "../../sim/model/entry-pages.ts";
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
    // At most 500 + 1,000 entries kept between compactions: two pages, three when they straddle.
    expect(history.root.entries.pageCount).toBeLessThanOrEqual(3);
    expect(history.pages.made).toBeLessThanOrEqual(3);
    expect(history.acceptUsAt(standby, standby.length)).toBe(standby.length);
    expect(lostRanges(history, standby)[0].count).toBe(500);
  });

  it("makes no more pages than it ever holds at once: a steady timeline reuses those it hands back", () => {
    const history = new History("db1", 4000);
    const primary = { timeline: history.root, length: 0 };
    const standby = { timeline: history.root, length: 0 };
    history.trackLiveLogs(() => [primary, standby]);
    let mostHeld = 0;
    for (let i = 1; i <= 200_000; i++) {
      primary.length = history.append(primary.timeline, i);
      standby.length = Math.max(0, i - 10); // close behind, as a hot standby is
      mostHeld = Math.max(mostHeld, history.root.entries.pageCount);
    }
    // 50 compactions, each handing back about four pages that the next 4,000 appends take again.
    expect(history.root.dropped).toBeGreaterThan(190_000);
    expect(mostHeld).toBeLessThanOrEqual(6);
    expect(history.pages.made).toBe(mostHeld);
  });

  it("keeps of a timeline no longer written only the pages of entries it must keep", () => {
    // The busy day's pattern: a primary takes thousands of writes between compactions, then a
    // standby a few entries behind is promoted (the old timeline becomes its parent) or the
    // primary is deposed with a tail nobody else holds (a branch left behind, whose node is live
    // until it rejoins). Neither timeline is written again; each keeps at most its tail.
    const history = new History("db1", 4_000);
    let primary: NodeLog = { timeline: history.root, length: 0 };
    let standby: NodeLog = { timeline: history.root, length: 0 };
    const deposed: NodeLog[] = [];
    history.trackLiveLogs(() => [primary, standby, ...deposed]);
    let mostHeld = 0;
    for (let promotion = 1; promotion <= 20; promotion++) {
      for (let i = 0; i < 30_000; i++) {
        primary.length = history.append(primary.timeline, 1e12 + primary.length);
        standby.length = Math.max(standby.length, primary.length - 20);
        mostHeld = Math.max(mostHeld, pagesHeld(history));
      }
      // Odd promotions leave the old primary's 20-entry tail as a branch of its own, held by a
      // deposed node that rejoins after the next promotion; even ones promote a caught-up standby.
      if (promotion % 2 === 1) deposed.push({ ...primary });
      else standby.length = primary.length;
      const promoted = history.branch(primary.timeline, standby.length, `db${promotion}`);
      primary = { timeline: promoted, length: standby.length };
      standby = { timeline: promoted, length: standby.length };
      if (deposed.length > 1) deposed.shift();
    }
    deposed.length = 0;
    for (let i = 0; i < 3 * 4_000; i++) primary.length = history.append(primary.timeline, i);
    const idle = history.timelines.filter((timeline) => timeline !== primary.timeline);
    expect(idle).toHaveLength(20);
    // Ten 20-entry tails (a page each, two when one straddles a page boundary); nothing else.
    for (const timeline of idle) expect(timeline.entries.pageCount).toBeLessThanOrEqual(2);
    expect(idle.reduce((sum, timeline) => sum + timeline.entries.pageCount, 0)).toBeLessThan(15);
    // While a deposed node pins the stable prefix, a whole promotion's 30,000 entries are kept.
    expect(mostHeld).toBeGreaterThan(30);
    expect(history.pages.made).toBe(mostHeld);
  });

  it("promoting again and again makes no more pages than are held at once", () => {
    // Each promotion starts a timeline, and the one before stops being written and hands back its
    // pages at the next compaction: the new one takes them, so no page is ever left for the
    // garbage collector, whose old-generation sweeps a steady run seldom needs.
    const history = new History("db1", 1_000);
    let log = { timeline: history.root, length: 0 };
    history.trackLiveLogs(() => [log]);
    let mostHeld = 0;
    for (let promotion = 1; promotion <= 60; promotion++) {
      for (let i = 0; i < 5_000; i++) {
        log.length = history.append(log.timeline, log.length);
        mostHeld = Math.max(mostHeld, pagesHeld(history));
      }
      const promoted = history.branch(log.timeline, log.length, `db${promotion}`);
      log = { timeline: promoted, length: log.length };
    }
    expect(history.timelines.length).toBe(61);
    expect(mostHeld).toBeLessThanOrEqual(3);
    expect(history.pages.made).toBe(mostHeld);
  });
});

/** Pages held by all of a history's timelines. */
function pagesHeld(history: History): number {
  return history.timelines.reduce((sum, timeline) => sum + timeline.entries.pageCount, 0);
}

describe("EntryPages", () => {
  it("reads back every entry kept across page boundaries, and appends again after forgetting all", () => {
    const pool = new PagePool();
    const entries = new EntryPages(pool);
    const stored = 3 * pageSize + 5;
    for (let i = 0; i < stored; i++) entries.append(i, 1e12 + i);
    for (let i = 0; i < stored; i += 7) entries.markAcked(i);
    entries.forgetBelow(pageSize + 3, stored); // the first page goes
    expect(entries.pageCount).toBe(3);
    for (let i = pageSize + 3; i < stored; i++) {
      expect(entries.acceptUs(i)).toBe(1e12 + i);
      expect(entries.acked(i)).toBe(i % 7 === 0 ? 1 : 0);
    }
    entries.forgetBelow(stored, stored); // nothing left: every page goes, cleared
    expect(entries.pageCount).toBe(0);
    entries.append(stored, 42);
    expect(entries.acceptUs(stored)).toBe(42);
    expect(entries.acked(stored)).toBe(0);
    expect(pool.made).toBe(4);
  });
});
