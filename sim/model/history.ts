// The replicated write log and its branches. Positions number entries 1, 2, 3 … along a
// history. A promotion starts a new timeline that branches off the promoted node's log at its
// length (its `base`), as PostgreSQL timelines do; a node's log is (timeline, length) and holds
// the timeline's ancestry up to that length. For every entry the store keeps the time it was
// accepted by its primary and whether a client received its acknowledgement — enough to count
// lost writes exactly at the end of a run, without keeping write identities.
// Memory: 9 bytes per accepted write.

export interface Timeline {
  readonly id: number;
  readonly parent: Timeline | null;
  /** Entries 1..base come from the parent; this timeline's own entries are base+1..end. */
  readonly base: number;
  end: number;
  /** The node that accepted this timeline's own entries. */
  readonly owner: string;
  acceptUs: Float64Array;
  acked: Uint8Array;
}

export interface NodeLog {
  timeline: Timeline;
  length: number;
}

export class History {
  readonly timelines: Timeline[] = [];

  constructor(rootOwner: string) {
    this.branch(null, 0, rootOwner);
  }

  get root(): Timeline {
    return this.timelines[0];
  }

  /** A new timeline whose first `base` entries are those of `parent`. */
  branch(parent: Timeline | null, base: number, owner: string): Timeline {
    const timeline: Timeline = {
      id: this.timelines.length,
      parent,
      base,
      end: base,
      owner,
      acceptUs: new Float64Array(256),
      acked: new Uint8Array(256),
    };
    this.timelines.push(timeline);
    return timeline;
  }

  /** Appends an entry to a timeline (only its primary does this); returns its position. */
  append(timeline: Timeline, acceptUs: number): number {
    const index = timeline.end - timeline.base;
    if (index === timeline.acceptUs.length) grow(timeline);
    timeline.acceptUs[index] = acceptUs;
    timeline.end++;
    return timeline.end;
  }

  markAcked(timeline: Timeline, position: number): void {
    timeline.acked[position - timeline.base - 1] = 1;
  }

  /** The timeline of `log`'s ancestry that holds `position` (1 ≤ position ≤ log.length). */
  timelineAt(log: NodeLog, position: number): Timeline {
    let timeline = log.timeline;
    while (position <= timeline.base && timeline.parent) timeline = timeline.parent;
    return timeline;
  }

  acceptUsAt(log: NodeLog, position: number): number {
    const timeline = this.timelineAt(log, position);
    return timeline.acceptUs[position - timeline.base - 1];
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
      count += timeline.acked[position - timeline.base - 1];
    }
    return count;
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

function grow(timeline: Timeline): void {
  const acceptUs = new Float64Array(timeline.acceptUs.length * 2);
  acceptUs.set(timeline.acceptUs);
  const acked = new Uint8Array(timeline.acked.length * 2);
  acked.set(timeline.acked);
  timeline.acceptUs = acceptUs;
  timeline.acked = acked;
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
    const cut = Math.max(timeline.base, Math.min(limits.get(timeline) ?? timeline.base, timeline.end));
    let count = 0;
    let firstUs = 0;
    let lastUs = 0;
    for (let position = cut + 1; position <= timeline.end; position++) {
      const index = position - timeline.base - 1;
      if (!timeline.acked[index]) continue;
      if (count === 0) firstUs = timeline.acceptUs[index];
      lastUs = timeline.acceptUs[index];
      count++;
    }
    if (count === 0) continue;
    const keptUs = cut > 0 ? history.acceptUsAt({ timeline, length: cut }, cut) : firstUs;
    ranges.push({ timeline, count, firstUs, lastUs, keptUs });
  }
  return ranges;
}
