// The memory behind the write history's per-entry values (history.ts): a timeline keeps its
// entries' acceptance times and acknowledgement flags in fixed-size pages (1,024 entries: 8 KB of
// times and 1 KB of flags), filled in order as its primary appends and handed back whole, from
// the front, as compaction drops entries. Pages handed back wait in a pool shared by the history's
// timelines for the next append that needs one; they are never let go of. So the memory held is
// the most entries a run ever had to keep at once (9 bytes each, rounded up to pages), whatever
// its length or number of promotions, and there is never a dead page for the garbage collector:
// a typed array's memory comes back only when the collector next sweeps its old generation,
// which a run with a steady heap seldom does (docs/performance.md has the measurements).

const pageBits = 10;
/** Entries per page. */
export const pageSize = 1 << pageBits;
const pageMask = pageSize - 1;

/** Pages handed back by any timeline of one history, for the next one that needs a page. */
export class PagePool {
  private readonly times: Float64Array[] = [];
  private readonly flags: Uint8Array[] = [];
  /** Pages ever made (those in use plus those waiting here). */
  made = 0;

  takeTimes(): Float64Array {
    const page = this.times.pop();
    if (page !== undefined) return page;
    this.made++;
    return new Float64Array(pageSize);
  }

  /** A page of flags, every one 0 (pages are cleared when handed back). */
  takeFlags(): Uint8Array {
    return this.flags.pop() ?? new Uint8Array(pageSize);
  }

  give(times: Float64Array, flags: Uint8Array): void {
    flags.fill(0);
    this.times.push(times);
    this.flags.push(flags);
  }
}

/** One timeline's kept entries, by own index (0 for the timeline's first own entry, base + 1). */
export class EntryPages {
  /** Own index of the first entry of the first page held. */
  private first = 0;
  private readonly times: Float64Array[] = [];
  private readonly flags: Uint8Array[] = [];

  constructor(private readonly pool: PagePool) {}

  /** Pages held now. */
  get pageCount(): number {
    return this.times.length;
  }

  /** Stores the acceptance time of entry `index`, the one after the last stored (appends come in
   *  order). */
  append(index: number, acceptUs: number): void {
    const offset = index - this.first;
    const page = offset >> pageBits;
    if (page === this.times.length) this.addPage();
    this.times[page][offset & pageMask] = acceptUs;
  }

  /** One more page at the end (apart from append: it runs once per 1,024 appends, and append is
   *  inlined into the primary's commit, whose inlining budget the rest of the write path needs). */
  private addPage(): void {
    this.times.push(this.pool.takeTimes());
    this.flags.push(this.pool.takeFlags());
  }

  acceptUs(index: number): number {
    const offset = index - this.first;
    return this.times[offset >> pageBits][offset & pageMask];
  }

  /** 1 when the entry's write was acknowledged to its client, else 0. */
  acked(index: number): number {
    const offset = index - this.first;
    return this.flags[offset >> pageBits][offset & pageMask];
  }

  markAcked(index: number): void {
    const offset = index - this.first;
    this.flags[offset >> pageBits][offset & pageMask] = 1;
  }

  /** Entries below `index` will never be read again: the pages wholly below it go to the pool,
   *  all of them when none of the `stored` entries is left. */
  forgetBelow(index: number, stored: number): void {
    while (this.times.length > 0 && (this.first + pageSize <= index || index >= stored)) {
      this.pool.give(this.times.shift()!, this.flags.shift()!);
      this.first += pageSize;
    }
    // `| 0` (exact: positions stay below 2³¹): the compaction's arithmetic can hand over an
    // integer V8 holds as a double, and a double stored here would turn every page lookup's
    // shifts into conversions (V8 deoptimised the write path for it in long runs).
    if (this.times.length === 0) this.first = index | 0;
  }
}
