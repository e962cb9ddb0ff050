// The replicated write log and its branches. Positions number entries 1, 2, 3 … along a
// history. A promotion starts a new timeline that branches off the promoted node's log at its
// length (its `base`), as PostgreSQL timelines do; a node's log is (timeline, length) and holds
// the timeline's ancestry up to that length. For every entry the store keeps the time it was
// accepted by its primary and whether a client received its acknowledgement — enough to count
// lost writes exactly at the end of a run, without keeping write identities.
// Memory: 9 bytes per entry that can still matter, not per write of the run. Every log a node
// can ever hold is an existing log, a prefix of one extended by appends, or a common prefix of
// two (a rewind): so the longest prefix that every live log holds (the stable prefix, S) is in
// every future log, the final authoritative one included. Its entries can never be lost nor
// discarded by a rewind, so their acknowledgement flags no longer matter, and of their
// acceptance times only two kinds are ever read again: a log's last entry (a log never ends
// before S, so entry S itself is kept) and the entry where a timeline branches off (kept with the
// branch, as `baseAcceptUs`). compact() drops the rest; the world tells the history which logs
// are live (trackLiveLogs) and the history compacts itself every `compactEvery` appends. Lost
// writes are counted exactly as without compaction (test/model/history.test.ts checks it). The
// memory behind the entries kept is pages reused from one timeline to the next (entry-pages.ts).

import { EntryPages, PagePool } from "./entry-pages.ts";

export interface Timeline {
  readonly id: number;
  readonly parent: Timeline | null;
  /** Entries 1..base come from the parent; this timeline's own entries are base+1..end. */
  readonly base: number;
  end: number;
  /** The node that accepted this timeline's own entries. */
  readonly owner: string;
  /** Acceptance time of entry `base` (on the parent's chain); 0 when base is 0. */
  readonly baseAcceptUs: number;
  /** Own entries base+1..base+dropped were compacted away (never read again). */
  dropped: number;
  /** The own entries kept (by own index: entry base+1 is 0): acceptance times and whether a
   *  client had the write acknowledged. */
  readonly entries: EntryPages;
}

export interface NodeLog {
  timeline: Timeline;
  length: number;
}

/** Appends between two compactions: rare enough to cost nothing, frequent enough that the
 *  entries kept stay a few hundred kilobytes above what the slowest live log lacks. */
export const defaultCompactEvery = 1 << 16;

export class History {
  readonly timelines: Timeline[] = [];
  private liveLogs: () => Iterable<NodeLog> = () => [];
  private appendsSinceCompaction = 0;
  /** The pages timelines hand back, for those that grow. */
  readonly pages = new PagePool();

  constructor(
    rootOwner: string,
    private readonly compactEvery = defaultCompactEvery,
  ) {
    this.branch(null, 0, rootOwner);
  }

  get root(): Timeline {
    return this.timelines[0];
  }

  /** Every log that may still be read or extended: the history compacts below what they share.
   *  Until this is called the history keeps everything. */
  trackLiveLogs(liveLogs: () => Iterable<NodeLog>): void {
    this.liveLogs = liveLogs;
  }

  /** A new timeline whose first `base` entries are those of `parent`. */
  branch(parent: Timeline | null, base: number, owner: string): Timeline {
    const baseAcceptUs =
      parent && base > 0 ? this.acceptUsAt({ timeline: parent, length: base }, base) : 0;
    const timeline: Timeline = {
      id: this.timelines.length,
      parent,
      base,
      end: base,
      owner,
      baseAcceptUs,
      dropped: 0,
      entries: new EntryPages(this.pages),
    };
    this.timelines.push(timeline);
    return timeline;
  }

  /** Appends an entry to a timeline (only its primary does this); returns its position. */
  append(timeline: Timeline, acceptUs: number): number {
    if (++this.appendsSinceCompaction >= this.compactEvery) this.compact();
    timeline.entries.append(timeline.end - timeline.base, acceptUs);
    timeline.end++;
    return timeline.end;
  }

  markAcked(timeline: Timeline, position: number): void {
    const index = position - timeline.base - 1;
    // A compacted entry is in every future log: whether it was acknowledged no longer matters.
    if (index >= timeline.dropped) timeline.entries.markAcked(index);
  }

  /** The timeline of `log`'s ancestry that holds `position` (1 ≤ position ≤ log.length). */
  timelineAt(log: NodeLog, position: number): Timeline {
    let timeline = log.timeline;
    while (position <= timeline.base && timeline.parent) timeline = timeline.parent;
    return timeline;
  }

  acceptUsAt(log: NodeLog, position: number): number {
    const timeline = this.timelineAt(log, position);
    const index = position - timeline.base - 1;
    if (index >= timeline.dropped) return timeline.entries.acceptUs(index);
    // Compacted: only branch points are kept.
    for (const child of this.timelines) {
      if (
        child.base === position &&
        child.parent &&
        this.timelineAt({ timeline: child.parent, length: position }, position) === timeline
      ) {
        return child.baseAcceptUs;
      }
    }
    throw new Error(
      `history: acceptance time of compacted entry ${position} on timeline ${timeline.id} was read`,
    );
  }

  /** Whether the first `length` entries of `log` hold entry `position` of timeline `timelineId`
   *  — an entry its primary appended, so one of that timeline's own. A read-your-writes check. */
  holds(log: NodeLog, length: number, timelineId: number, position: number): boolean {
    return position <= length && this.timelineAt(log, position).id === timelineId;
  }

  /** Length of the longest common prefix of two logs. */
  commonPrefix(a: NodeLog, b: NodeLog): number {
    const limitsA = chainLimits(a);
    const limitsB = chainLimits(b);
    // The deepest timeline on both chains; below it the chains coincide.
    for (const [timeline, limitA] of limitsA) {
      const limitB = limitsB.get(timeline);
      if (limitB !== undefined) return Math.min(limitA, limitB);
    }
    return 0;
  }

  /** Number of acknowledged entries of `log` at positions in (from, to]. */
  ackedBetween(log: NodeLog, from: number, to: number): number {
    let count = 0;
    for (let position = to; position > from; position--) {
      const timeline = this.timelineAt(log, position);
      const index = position - timeline.base - 1;
      if (index < timeline.dropped)
        throw new Error(
          `history: acknowledgement of compacted entry ${position} on timeline ${timeline.id} was read`,
        );
      count += timeline.entries.acked(index);
    }
    return count;
  }

  /** Drops the entries of the stable prefix that can never be read again (see the header). */
  compact(): void {
    this.appendsSinceCompaction = 0;
    let reference: NodeLog | null = null;
    let stable = Infinity;
    for (const log of this.liveLogs()) {
      if (reference === null) {
        reference = log;
        stable = log.length;
      } else {
        stable = Math.min(stable, this.commonPrefix(reference, log));
      }
    }
    if (reference === null) return;
    // Entries 1..stable-1 of the reference's chain go; entry `stable` stays (a log may end there).
    for (const [timeline, limit] of chainLimits({ timeline: reference.timeline, length: stable })) {
      const keepFrom = Math.min(limit, stable - 1) - timeline.base; // own entries 1..keepFrom may go
      const dropped = Math.min(keepFrom, timeline.end - timeline.base);
      if (dropped <= timeline.dropped) continue;
      timeline.dropped = dropped;
      timeline.entries.forgetBelow(dropped, timeline.end - timeline.base);
    }
  }
}

/** Each timeline on a log's chain, deepest first, with how far the log reaches into it. */
function chainLimits(log: NodeLog): Map<Timeline, number> {
  const limits = new Map<Timeline, number>();
  let limit = log.length;
  for (let timeline: Timeline | null = log.timeline; timeline; timeline = timeline.parent) {
    limits.set(timeline, limit);
    limit = Math.min(limit, timeline.base);
  }
  return limits;
}

export interface LostRange {
  timeline: Timeline;
  count: number;
  firstUs: number;
  lastUs: number;
  /** Acceptance time of the last entry the surviving history kept before the range, or the first lost one. */
  keptUs: number;
}

/**
 * Acknowledged entries absent from the authoritative log: for every timeline, its own entries
 * beyond the point where the authoritative history leaves it (or all of them when it is not
 * on that history at all).
 */
export function lostRanges(history: History, authority: NodeLog): LostRange[] {
  const limits = chainLimits(authority);
  const ranges: LostRange[] = [];
  for (const timeline of history.timelines) {
    const cut = Math.max(
      timeline.base,
      Math.min(limits.get(timeline) ?? timeline.base, timeline.end),
    );
    let count = 0;
    let firstUs = 0;
    let lastUs = 0;
    // Compacted entries are all at or below the cut: the authoritative log holds them.
    if (cut < timeline.base + timeline.dropped)
      throw new Error(
        `history: lost-write accounting reached compacted entries of timeline ${timeline.id}`,
      );
    for (let position = cut + 1; position <= timeline.end; position++) {
      const index = position - timeline.base - 1;
      if (timeline.entries.acked(index) === 0) continue;
      if (count === 0) firstUs = timeline.entries.acceptUs(index);
      lastUs = timeline.entries.acceptUs(index);
      count++;
    }
    if (count === 0) continue;
    const keptUs = cut > 0 ? history.acceptUsAt({ timeline, length: cut }, cut) : firstUs;
    ranges.push({ timeline, count, firstUs, lastUs, keptUs });
  }
  return ranges;
}
