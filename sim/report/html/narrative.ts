// The story of a run in plain language, for report.html: one sentence per main event (the
// "changes" level of the trace, kept by the metrics layer whatever `--trace` says), with its
// simulated time in the human style ("2 min 03 s", dsl/spoken.ts). Events this file has no sentence for — kinds the
// model adds later — fall back to their events.csv detail, so the story never skips one.
// Sentences are plain text; the page escapes them.
import { spokenDuration } from "../../dsl/index.ts";
import { formatMicros } from "../../metrics/format.ts";
import type { KeyEvents } from "../../metrics/key-events.ts";
import { faultKindOf, type TraceEvent, type WorldConfig } from "../../model/index.ts";
import { describeEvent } from "../event-detail.ts";

export interface NarrativeLine {
  tUs: number;
  /** The time since the start in the human style: "850 ms", "2 min 03 s", "2 d 01 h". */
  clock: string;
  /** The exact time in seconds, as in the CSV files. */
  seconds: string;
  text: string;
}

export interface Narrative {
  lines: NarrativeLine[];
  /** Events left out between `lines` and `closing` (a very long story). */
  omitted: number;
  closing: NarrativeLine[];
}

export function narrative(keyEvents: KeyEvents, world: WorldConfig): Narrative {
  const line = (event: TraceEvent): NarrativeLine => ({
    tUs: event.tUs,
    clock: spokenDuration(event.tUs),
    seconds: formatMicros(event.tUs),
    text: sentence(event, world),
  });
  return {
    lines: keyEvents.events.map(line),
    omitted: keyEvents.omitted,
    closing: keyEvents.closing.map(line),
  };
}

/** A fault is told by its kind (model/faults/<kind>.ts), which knows the world's nodes. */
export function sentence(event: TraceEvent, world: WorldConfig): string {
  switch (event.kind) {
    case "fault":
      return faultKindOf(event.fault.kind).explain(event.fault, event.label, world);
    case "node_down":
      return `${event.node} is down: its process has stopped.`;
    case "node_up":
      return `${event.node} is up again: its process has started.`;
    case "role":
      return event.tUs === 0
        ? `${event.node} starts as ${roleName(event.role)} (epoch ${event.epoch}).`
        : `${event.node} is now ${roleName(event.role)} (epoch ${event.epoch}).`;
    case "suspect":
      return `${event.monitor} suspects ${event.node}: it has not answered heartbeats for the detector's timeout.`;
    case "trust":
      return `${event.monitor} hears from ${event.node} again and trusts it.`;
    case "failover_start":
      return `${event.monitor} starts a failover: it orders ${event.node} promoted to replace ${event.from} (epoch ${event.epoch}).`;
    case "promoted": {
      const failback = event.failback
        ? ", returning the role to the original primary (a failback)"
        : "";
      const previous = event.previousAlive
        ? ` — a false failover: ${event.previous} is still running and may still accept writes.`
        : ` (${event.previous} was down).`;
      return `${event.node} is promoted and accepts writes as primary of epoch ${event.epoch}${failback}, replacing ${event.previous}${previous}`;
    }
    case "demoted":
      return `${event.node} learns it was deposed and steps down to standby (epoch ${event.epoch}).`;
    case "rewind": {
      const acked = event.discardedAcked === 0 ? "none of them" : `${event.discardedAcked} of them`;
      return `${event.node} rewinds: it discards ${event.discarded} log entries the new primary lacks, ${acked} acknowledged to clients.`;
    }
    case "reroute":
      return `The proxy of client group ${event.client} now sends writes to ${event.target}.`;
    case "writes_lost":
      return (
        `${event.count} acknowledged writes accepted by ${event.node} between ${spokenDuration(event.firstUs)} and ` +
        `${spokenDuration(event.lastUs)} are missing from the final history: they are lost.`
      );
    case "run_end":
      return event.authority === ""
        ? "The run ends."
        : `The run ends; ${event.authority} holds the authoritative history.`;
    case "isr":
      return `The in-sync replica set of ${event.node} is now ${[event.node, ...event.members].join(", ")}${event.left.length > 0 ? ` (${event.left.join(", ")} fell behind)` : ""}.`;
    case "back_off":
      return `${event.node}'s restart policy waits until ${spokenDuration(event.untilUs)} before starting it again (CrashLoopBackOff).`;
    case "auto_restart":
      return `${event.node}'s restart policy starts it again (restart ${event.restarts}).`;
    case "lb_down":
      return event.notReady
        ? `The load balancer of client group ${event.client} takes ${event.node} out of rotation at once: its container exited (the pod is NotReady).`
        : `The load balancer of client group ${event.client} takes ${event.node} out of rotation: its failed health checks reached the fall count.`;
    case "lb_up":
      return `The load balancer of client group ${event.client} puts ${event.node} back in rotation.`;
    default:
      return `${capitalize(describeEvent(event).detail)}.`;
  }
}

/** "catching-up" → "catching up": role names as words. */
function roleName(role: string): string {
  return role.replace(/-/g, " ");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
