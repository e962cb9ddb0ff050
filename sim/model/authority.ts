// The write authority: which node's log is the authoritative history — the primary of the newest
// completed promotion (the original primary until one completes) — and the newest epoch promoted
// anywhere. Storage under epoch fencing refuses commits from any older epoch from the moment a
// promotion completes. At the end of the run, the acknowledged writes the authoritative log lacks
// are lost (history.ts). A scenario without a database (a pool of servers) has no authority.
import type { History, NodeLog } from "./history.ts";
import { lostRanges } from "./history.ts";
import type { TraceEvent } from "./trace.ts";

/** A database node as the authority sees it. */
export interface AuthorityNode {
  readonly name: string;
  readonly epoch: number;
  readonly log: NodeLog;
  /** Epoch fencing: storage now refuses this primary's commits. */
  fence(): void;
}

export class WriteAuthority<Node extends AuthorityNode> {
  /** Highest epoch whose promotion has completed anywhere. */
  latestPromotedEpoch = 1;

  constructor(
    private node: Node | null,
    /** Epoch fencing: storage refuses a stale epoch. */
    private readonly refusesStaleEpoch: boolean,
    private readonly emit: (event: TraceEvent) => void,
  ) {}

  /** The node whose log is the authoritative history now (null: no database). */
  get current(): Node | null {
    return this.node;
  }

  /** `node` completed its promotion, replacing `event.previous`: it holds the authority unless a
   *  newer epoch already does; with epoch fencing every node of an older epoch is fenced. */
  promoted(
    node: Node,
    others: readonly Node[],
    event: Extract<TraceEvent, { kind: "promoted" }>,
  ): void {
    this.latestPromotedEpoch = Math.max(this.latestPromotedEpoch, node.epoch);
    if (this.node === null || node.epoch >= this.node.epoch) this.node = node;
    this.emit(event);
    if (!this.refusesStaleEpoch) return;
    for (const other of others) if (other !== node && other.epoch < node.epoch) other.fence();
  }

  /** End-of-run accounting against the authoritative log: the writes lost, then the run's end. */
  settle(history: History, endUs: number): void {
    const node = this.node;
    if (node === null) {
      this.emit({ kind: "run_end", tUs: endUs, authority: "" });
      return;
    }
    for (const range of lostRanges(history, node.log)) {
      const { count, firstUs, lastUs } = range;
      this.emit({
        kind: "writes_lost",
        tUs: endUs,
        node: range.timeline.owner,
        count,
        firstUs,
        lastUs,
        rpoUs: lastUs - range.keptUs,
      });
    }
    this.emit({ kind: "run_end", tUs: endUs, authority: node.name });
  }
}
