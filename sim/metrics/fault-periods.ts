// Fault periods, for shading charts: when each scheduled fault was in effect. A partition or an
// isolation lasts until the next `heal` (which restores every cut link); a blip for its own
// duration, or until a heal comes first; a crash until that node's `restart`. A period still
// open at run_end ends there. Repairs (heal, restart) are not periods themselves. A fault kind
// this file does not know yet lasts its `durationUs` if it has one (a pause), else it is kept as
// an instant (start = end), so it is still marked; a `fault_end` event, where the model emits
// one, ends the open period with the same label.
// Memory: bounded by the fault schedule, and capped at `maxFaultPeriods` (the rest are counted).
import type { Fault, TraceEvent } from "../model/index.ts";
import type { TraceObserver } from "./observer.ts";

export const maxFaultPeriods = 500;

export interface FaultPeriod {
  /** The fault's kind ("partition", "crash", …). */
  kind: string;
  /** The fault's label from the trace, e.g. "partition db1,clients | db2,mon". */
  label: string;
  startUs: number;
  endUs: number;
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
      this.closeWhere(() => true, event.tUs);
      return;
    }
    // Read by name: the model may or may not emit this kind, and this file compiles either way.
    const generic = event as { kind: string; label?: unknown };
    if (generic.kind === "fault_end" && typeof generic.label === "string") {
      this.closeFirst(generic.label, event.tUs);
      return;
    }
    if (event.kind !== "fault") return;
    const { fault, tUs } = event;
    this.closeWhere((open) => open.plannedEndUs !== null && open.plannedEndUs <= tUs, tUs);
    switch (fault.kind) {
      case "heal":
        this.closeWhere((open) => cutsLinks(open.fault), tUs);
        return;
      case "restart":
        this.closeWhere(
          (open) => open.fault.kind === "crash" && open.fault.node === fault.node,
          tUs,
        );
        return;
      case "partition":
      case "isolate":
      case "crash":
      case "one-way":
        this.start(fault, event.label, tUs, null);
        return;
      case "degrade":
        this.start(fault, event.label, tUs, fault.durationUs > 0 ? tUs + fault.durationUs : null);
        return;
      case "slow":
      case "read-only":
        // A gray failure lasts until the same node's "slow 0" or "writable".
        this.closeWhere(
          (open) =>
            open.fault.kind === fault.kind &&
            "node" in open.fault &&
            open.fault.node === fault.node,
          tUs,
        );
        if (isDisruptiveNodeFault(fault)) this.start(fault, event.label, tUs, null);
        return;
      case "zone-outage":
        if (fault.restore)
          this.closeWhere(
            (open) => open.fault.kind === "zone-outage" && open.fault.zone === fault.zone,
            tUs,
          );
        else this.start(fault, event.label, tUs, null);
        return;
      case "blip":
        this.start(fault, event.label, tUs, tUs + fault.durationUs);
        return;
      default: {
        // A fault kind added to the model after this file: its own duration, or an instant.
        const durationUs = (fault as { durationUs?: unknown }).durationUs;
        const kind = (fault as { kind: string }).kind;
        if (typeof durationUs === "number" && durationUs > 0)
          this.start(fault, event.label, tUs, tUs + durationUs);
        else this.add({ kind, label: event.label, startUs: tUs, endUs: tUs });
      }
    }
  }

  /** Periods in order of their start; available once run_end has closed them. */
  faultPeriods(): { periods: FaultPeriod[]; omitted: number } {
    return { periods: this.periods.map((period) => ({ ...period })), omitted: this.omitted };
  }

  private start(fault: Fault, label: string, startUs: number, plannedEndUs: number | null): void {
    const period: FaultPeriod = { kind: fault.kind, label, startUs, endUs: startUs };
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

  /** Ends the first open period with this label, if any. */
  private closeFirst(label: string, atUs: number): void {
    const index = this.open.findIndex((open) => open.period.label === label);
    if (index === -1) return;
    this.open[index].period.endUs = atUs;
    this.open.splice(index, 1);
  }

  /** Ends the open periods matching `which` at `atUs` (a blip at its planned end if earlier). */
  private closeWhere(which: (open: OpenPeriod) => boolean, atUs: number): void {
    this.open = this.open.filter((open) => {
      if (!which(open)) return true;
      open.period.endUs = open.plannedEndUs === null ? atUs : Math.min(open.plannedEndUs, atUs);
      return false;
    });
  }
}

function cutsLinks(fault: Fault): boolean {
  return (
    fault.kind === "partition" ||
    fault.kind === "isolate" ||
    fault.kind === "blip" ||
    fault.kind === "one-way" ||
    fault.kind === "degrade"
  );
}

function isDisruptiveNodeFault(fault: Fault): boolean {
  return (
    (fault.kind === "slow" && fault.delayUs !== 0) ||
    (fault.kind === "read-only" && !fault.writable)
  );
}
