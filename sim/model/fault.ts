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
  | { kind: "pause"; node: string; durationUs: number }
  /** Links from every endpoint of `from` to every endpoint of `to` are cut; the reverse stays up. */
  | { kind: "one-way"; from: string[]; to: string[] }
  /** Links between the groups (or between `groups[0]` and everything else when there is one
   *  group) lose messages with `lossProbability` and/or take `extraDelayUs` longer; with
   *  `flaky`, they are instead cut for `downUs` then fine for `upUs`, over and over. Lasts
   *  `durationUs` (0: until heal()). */
  | {
      kind: "degrade";
      groups: string[][];
      lossProbability: number;
      extraDelayUs: number;
      flaky: { downUs: number; upUs: number } | null;
      durationUs: number;
    }
  /** Gray failure: the node answers health checks at once but handles each write `delayUs` late
   *  (0 to end it). */
  | { kind: "slow"; node: string; delayUs: number }
  /** The node cannot commit (disk full, read-only file system) yet stays up and answers health
   *  checks; `writable` ends it. */
  | { kind: "read-only"; node: string; writable: boolean }
  /** The node's clock runs at `rate` times real time from now on, after jumping by `jumpUs`. */
  | { kind: "clock-skew"; node: string; rate: number; jumpUs: number }
  /** Every node of the zone crashes at once (restore: every one restarts). */
  | { kind: "zone-outage"; zone: string; restore: boolean };

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
    case "one-way":
      return `one-way cut ${fault.from.join(",")} -> ${fault.to.join(",")}`;
    case "degrade": {
      const where = fault.groups.map((g) => g.join(",")).join(" <-> ") + (fault.groups.length === 1 ? " <-> rest" : "");
      const what = fault.flaky
        ? `flaky (down ${fault.flaky.downUs / 1e6} s, up ${fault.flaky.upUs / 1e6} s)`
        : [fault.lossProbability > 0 ? `loss ${fault.lossProbability}` : "", fault.extraDelayUs > 0 ? `+${fault.extraDelayUs / 1e3} ms` : ""].filter(Boolean).join(", ");
      return `degrade ${where}: ${what}${fault.durationUs > 0 ? ` for ${fault.durationUs / 1e6} s` : ""}`;
    }
    case "slow":
      return fault.delayUs > 0 ? `slow ${fault.node}: writes ${fault.delayUs / 1e3} ms late` : `${fault.node} no longer slow`;
    case "read-only":
      return fault.writable ? `${fault.node} writable again` : `${fault.node} cannot commit (read-only)`;
    case "clock-skew":
      return `clock of ${fault.node}: rate ${fault.rate}${fault.jumpUs !== 0 ? `, jump ${fault.jumpUs / 1e6} s` : ""}`;
    case "zone-outage":
      return fault.restore ? `zone ${fault.zone} restored` : `zone ${fault.zone} outage`;
    default: {
      const unknown: never = fault;
      throw new Error(`unknown fault ${JSON.stringify(unknown)}`);
    }
  }
}

/** Faults that disturb the cluster (start an incident); heal and restart repair. */
export function isDisruptive(fault: Fault): boolean {
  switch (fault.kind) {
    case "crash":
    case "partition":
    case "isolate":
    case "blip":
    case "pause":
    case "one-way":
    case "degrade":
      return true;
    case "slow":
      return fault.delayUs > 0;
    case "read-only":
      return !fault.writable;
    case "zone-outage":
      return !fault.restore;
    default:
      return false;
  }
}
