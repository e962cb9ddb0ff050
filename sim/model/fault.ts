// Faults as plain data: a tagged union interpreted in one place (world.ts, applyFault).
// Groups and targets name endpoints (nodes, client groups) or zones; a zone stands for every
// endpoint in it. A partition cuts only links between endpoints of different listed groups;
// endpoints in no group keep all their links.

export type Fault =
  | { kind: "crash"; node: string }
  | { kind: "restart"; node: string }
  | { kind: "partition"; groups: string[][] }
  | { kind: "isolate"; target: string }
  | { kind: "heal" }
  | { kind: "blip"; groups: string[][]; durationUs: number }
  /** The process freezes (a GC or VM pause): it handles nothing until it resumes, then carries
   *  on as if no time had passed — still believing it is whatever it was. */
  | { kind: "pause"; node: string; durationUs: number };

export type FaultKind = Fault["kind"];

/** A short human label, e.g. "partition east | west". */
export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case "crash":
      return `crash ${fault.node}`;
    case "restart":
      return `restart ${fault.node}`;
    case "partition":
      return `partition ${fault.groups.map((g) => g.join(",")).join(" | ")}`;
    case "isolate":
      return `isolate ${fault.target}`;
    case "heal":
      return "heal all links";
    case "blip":
      return `blip ${fault.groups.map((g) => g.join(",")).join(" | ")} for ${fault.durationUs / 1e6} s`;
    case "pause":
      return `pause ${fault.node} for ${fault.durationUs / 1e6} s`;
    default: {
      const unknown: never = fault;
      throw new Error(`unknown fault ${JSON.stringify(unknown)}`);
    }
  }
}

/** Faults that disturb the cluster (start an incident); heal and restart repair. */
export function isDisruptive(fault: Fault): boolean {
  return fault.kind === "crash" || fault.kind === "partition" || fault.kind === "isolate" || fault.kind === "blip" || fault.kind === "pause";
}
