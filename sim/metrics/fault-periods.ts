// Fault periods, for shading charts: when each scheduled fault was in effect. Each fault kind
// says it (model/faults/<kind>.ts): whether it disturbs the cluster (a repair — heal, restart,
// writable — is no period of its own), when it ends if that is known when it starts (a blip, a
// pause, a degradation with a length) and which later event ends it before that (a heal, the
// node up again, the matching restore). A fault of the same kind on the same node replaces the
// one before (slow 2 ms, then slow 5 ms). A period still open at run_end ends there and is marked
// unrepaired (charts hatch it). Memory: bounded by the fault schedule, and capped at
// `maxFaultPeriods` (the rest are counted).
import { faultKindOf, isDisruptive, type Fault, type TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";

export const maxFaultPeriods = 500;

export interface FaultPeriod {
  /** The fault's kind ("partition", "crash", …). */
  kind: string;
  /** The fault's label from the trace, e.g. "partition db1,clients | db2,mon". */
  label: string;
  startUs: number;
  endUs: number;
  /** False when nothing ended it before the run did (a crash never restarted, a partition never
   *  healed); an instant or a period with a planned end that came first is repaired. */
  repaired: boolean;
}

interface OpenPeriod {
  period: FaultPeriod;
  fault: Fault;
  /** Planned end of a blip; null for periods that wait for a repair. */
  plannedEndUs: number | null;
}

export class FaultPeriodsObserver implements TraceObserver {
  readonly reads = "changes";
  private readonly periods: FaultPeriod[] = [];
  private open: OpenPeriod[] = [];
  private omitted = 0;

  observe(event: TraceEvent): void {
    if (event.kind === "run_end") {
      this.closeWhere(() => true, event.tUs, true);
      return;
    }
    const { tUs } = event;
    this.closeWhere(
      (open) =>
        (open.plannedEndUs !== null && open.plannedEndUs <= tUs) ||
        faultKindOf(open.fault.kind).repairedBy(event, open.fault),
      tUs,
    );
    if (event.kind !== "fault" || !isDisruptive(event.fault)) return;
    const { fault } = event;
    const kind = faultKindOf(fault.kind);
    const node = kind.node(fault);
    if (node !== "")
      this.closeWhere(
        (open) => open.fault.kind === fault.kind && kind.node(open.fault) === node,
        tUs,
      );
    const knownEndUs = kind.knownEndUs(fault, tUs);
    this.start(fault, event.label, tUs, knownEndUs === Infinity ? null : knownEndUs);
  }

  /** Periods in order of their start; available once run_end has closed them. */
  faultPeriods(): { periods: FaultPeriod[]; omitted: number } {
    return { periods: this.periods.map((period) => ({ ...period })), omitted: this.omitted };
  }

  private start(fault: Fault, label: string, startUs: number, plannedEndUs: number | null): void {
    const period: FaultPeriod = {
      kind: fault.kind,
      label,
      startUs,
      endUs: startUs,
      repaired: true,
    };
    if (this.add(period)) this.open.push({ period, fault, plannedEndUs });
  }

  private add(period: FaultPeriod): boolean {
    if (this.periods.length >= maxFaultPeriods) {
      this.omitted++;
      return false;
    }
    this.periods.push(period);
    return true;
  }

  /** Ends the open periods matching `which` at `atUs` (a blip at its planned end if earlier);
   *  `runEnd`: the run is over, so a period that had no planned end before it went unrepaired. */
  private closeWhere(which: (open: OpenPeriod) => boolean, atUs: number, runEnd = false): void {
    this.open = this.open.filter((open) => {
      if (!which(open)) return true;
      open.period.endUs = open.plannedEndUs === null ? atUs : Math.min(open.plannedEndUs, atUs);
      if (runEnd && (open.plannedEndUs === null || open.plannedEndUs >= atUs))
        open.period.repaired = false;
      return false;
    });
  }
}
