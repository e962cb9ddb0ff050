// How much of the trace a run keeps for events.csv (`--trace`). Metrics always see every event;
// this only filters what is kept for output. "changes" drops the per-write and per-apply events
// (perWriteKinds), whose volume grows with run length × write rate; "full" keeps all (memory
// then grows with the run); "none" keeps nothing.
// Imported from trace.ts rather than the model index so that the CLI can offer these choices
// (`sim --help`) without loading the whole simulator.
import { perWriteKinds, type TraceEvent } from "../model/trace.ts";

export const traceLevels = ["none", "changes", "full"] as const;
export type TraceLevel = (typeof traceLevels)[number];
export const defaultTraceLevel: TraceLevel = "changes";

export function keepsEvent(level: TraceLevel, event: TraceEvent): boolean {
  switch (level) {
    case "none":
      return false;
    case "changes":
      return !perWriteKinds.has(event.kind);
    case "full":
      return true;
    default: {
      const unknown: never = level;
      throw new Error(`unknown trace level ${String(unknown)}`);
    }
  }
}
