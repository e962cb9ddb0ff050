// Incidents: a disruptive fault starts one (each fault kind says whether it disturbs: its
// `disruptive`, model/faults/<kind>.ts); it lasts until the next disruptive fault or the run
// duration. Repairs (heal, restart, a restore) do not start or end incidents: recovering from
// them is part of the incident they repair. A clock skew disturbs nothing by itself either.
// The incident list is bounded by the scenario's fault schedule, not by run length.
import { isDisruptive, type TraceEvent } from "../model/index.ts";

/** The start time of the incident this event opens, or null if it opens none. */
export function incidentStartUs(event: TraceEvent): number | null {
  return event.kind === "fault" && isDisruptive(event.fault) ? event.tUs : null;
}
