// The in-sync replica set (ISR) of a leader under Kafka's replication (mode "isr", acks=all): the
// followers caught up with the leader. A follower is caught up when a report of it reaches the
// leader's log end as it was at that moment, or as it was at the follower's previous report —
// then it was caught up at that previous report (Kafka's lastCaughtUpTime, from fetches). One
// not caught up for `lagTimeMax` (replica.lag.time.max.ms) falls out of the ISR; one caught up
// again comes back. The ISR is the controller's: the leader proposes each change (AlterPartition)
// and it holds only once the controller has acknowledged it. Until then the leader waits for the
// larger of the two sets (Kafka's "maximal ISR"): a shrink takes effect for acknowledgements only
// once committed, so a replica the controller may still elect holds every acknowledged write;
// an expansion is waited for at once. `minInsync` (min.insync.replicas, the leader included)
// counts the committed ISR: with fewer, the leader refuses writes (NotEnoughReplicas). Pure:
// handed the time and the reports; its owner (log-sender.ts) sends the proposals.

/** What the leader knows of one follower's progress. */
interface Progress {
  /** When it last was caught up with the leader's log end. */
  caughtUpUs: number;
  /** Its last report, and the leader's log length at that moment. */
  reportUs: number;
  leaderLengthAtReport: number;
}

export class InSyncReplicas {
  /** Followers in the ISR as the controller acknowledged it (the leader is never listed). */
  private committed: string[] = [];
  /** A change sent to the controller and not yet acknowledged. */
  private pending: string[] | null = null;
  private readonly progress = new Map<string, Progress>();

  constructor(private readonly config: { lagTimeMaxUs: number; minInsync: number }) {}

  /** A new tenure: the ISR the controller granted, each member caught up as of now. */
  start(committed: readonly string[], nowUs: number): void {
    this.committed = [...committed].sort();
    this.pending = null;
    this.progress.clear();
    for (const follower of committed)
      this.progress.set(follower, { caughtUpUs: nowUs, reportUs: nowUs, leaderLengthAtReport: 0 });
  }

  /** A follower reports holding `length` entries while the leader holds `leaderLength`. */
  reported(follower: string, length: number, leaderLength: number, nowUs: number): void {
    const known = this.progress.get(follower);
    let caughtUpUs = known?.caughtUpUs ?? -Infinity;
    if (length >= leaderLength) caughtUpUs = nowUs;
    else if (known !== undefined && length >= known.leaderLengthAtReport)
      caughtUpUs = Math.max(caughtUpUs, known.reportUs);
    this.progress.set(follower, {
      caughtUpUs,
      reportUs: nowUs,
      leaderLengthAtReport: leaderLength,
    });
  }

  /** The followers in sync now: caught up within the last `lagTimeMax`. */
  inSync(nowUs: number): string[] {
    const members: string[] = [];
    for (const [follower, { caughtUpUs }] of this.progress)
      if (nowUs - caughtUpUs <= this.config.lagTimeMaxUs) members.push(follower);
    return members.sort();
  }

  /** The followers an acknowledgement waits for: committed ∪ in sync (Kafka's maximal ISR). */
  waitedFor(nowUs: number): string[] {
    return [...new Set([...this.committed, ...this.inSync(nowUs)])].sort();
  }

  /** The change to propose now, if the ISR should change and none is pending; with `resend`, a
   *  pending one again (its message may have been lost). */
  proposal(nowUs: number, resend: boolean): string[] | null {
    if (this.pending !== null) return resend ? this.pending : null;
    const wanted = this.inSync(nowUs);
    if (same(wanted, this.committed)) return null;
    this.pending = wanted;
    return wanted;
  }

  /** The controller acknowledged `members`: the committed ISR before and after, or null when it
   *  acknowledged something this leader no longer proposes. */
  acknowledged(members: readonly string[]): { before: string[]; after: string[] } | null {
    if (this.pending === null || !same(this.pending, members)) return null;
    const before = this.committed;
    this.committed = this.pending;
    this.pending = null;
    return { before, after: this.committed };
  }

  /** The controller set the ISR itself (it fenced a member): committed now, any pending change
   *  dropped, and the members it removed forgotten — in sync again only once caught up anew. */
  imposed(members: readonly string[]): { before: string[]; after: string[] } | null {
    const after = [...members].sort();
    if (same(after, this.committed)) return null;
    const before = this.committed;
    for (const name of before) if (!after.includes(name)) this.progress.delete(name);
    this.committed = after;
    this.pending = null;
    return { before, after };
  }

  /** Whether the committed ISR, the leader included, reaches min.insync.replicas. */
  enough(): boolean {
    return this.committed.length + 1 >= this.config.minInsync;
  }

  get members(): readonly string[] {
    return this.committed;
  }
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
