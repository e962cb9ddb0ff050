// Promotions, read from `promoted` events (a node finished promotion and accepts writes):
// failovers counts them all; false_failovers those whose deposed primary's process was still
// up (previousAlive) — the detector mistook slowness or a partition for a crash; failbacks
// those returning the role to the scenario's original primary (failback).
import type { TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";

export interface FailoverCounts {
  failovers: number;
  falseFailovers: number;
  failbacks: number;
}

export class FailoversObserver implements TraceObserver {
  readonly reads = ["promoted"] as const;
  private readonly totals: FailoverCounts = { failovers: 0, falseFailovers: 0, failbacks: 0 };

  observe(event: TraceEvent): void {
    if (event.kind !== "promoted") return;
    this.totals.failovers++;
    if (event.previousAlive && !event.planned) this.totals.falseFailovers++;
    if (event.failback) this.totals.failbacks++;
  }

  counts(): FailoverCounts {
    return { ...this.totals };
  }
}
