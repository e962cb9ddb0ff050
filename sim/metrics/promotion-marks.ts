// Promotions to mark on charts: each completed promotion (`promoted`) with the node that took
// the primary role and what kind of change it was — a failover, a false failover (the primary it
// replaced was still running: the detector mistook a partition or slowness for a crash) or a
// failback (the scenario's original primary returning to the role; this wins over the others).
// Memory: capped at `maxPromotionMarks` (a flapping cluster over days could promote thousands of
// times; the rest are counted, and the failovers metric still counts them all).
import type { TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";

export const maxPromotionMarks = 500;

export const promotionKinds = ["failover", "false failover", "failback"] as const;
export type PromotionKind = (typeof promotionKinds)[number];

export interface PromotionMark {
  tUs: number;
  node: string;
  /** The primary it replaced. */
  previous: string;
  kind: PromotionKind;
}

export class PromotionMarksObserver implements TraceObserver {
  readonly reads = ["promoted"] as const;
  private readonly marks: PromotionMark[] = [];
  private omitted = 0;

  observe(event: TraceEvent): void {
    if (event.kind !== "promoted") return;
    if (this.marks.length >= maxPromotionMarks) {
      this.omitted++;
      return;
    }
    const kind: PromotionKind = event.failback
      ? "failback"
      : event.previousAlive && !event.planned
        ? "false failover"
        : "failover";
    this.marks.push({ tUs: event.tUs, node: event.node, previous: event.previous, kind });
  }

  promotions(): { marks: PromotionMark[]; omitted: number } {
    return { marks: this.marks.map((mark) => ({ ...mark })), omitted: this.omitted };
  }
}
