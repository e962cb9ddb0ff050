// The story of a run in plain language, for report.html: one sentence per main event (the
// "changes" level of the trace, kept by the metrics layer whatever `--trace` says), with its
// simulated time as a clock ("2:03.000"). Events this file has no sentence for — kinds the
// model adds later — fall back to their events.csv detail, so the story never skips one.
// Sentences are plain text; the page escapes them.
import { formatMicros } from "../../metrics/format.ts";
import type { KeyEvents } from "../../metrics/key-events.ts";
import type { Fault, TraceEvent } from "../../model/index.ts";
import { describeEvent } from "../event-detail.ts";

export interface NarrativeLine {
  tUs: number;
  /** The time as a clock: "2:03.000", "1:02:03.000", "2d 01:02:03.000". */
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

export function narrative(keyEvents: KeyEvents): Narrative {
  return {
    lines: keyEvents.events.map(line),
    omitted: keyEvents.omitted,
    closing: keyEvents.closing.map(line),
  };
}

function line(event: TraceEvent): NarrativeLine {
  return {
    tUs: event.tUs,
    clock: formatClock(event.tUs),
    seconds: formatMicros(event.tUs),
    text: sentence(event),
  };
}

export function sentence(event: TraceEvent): string {
  switch (event.kind) {
    case "fault":
      return faultSentence(event.fault, event.label);
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
        `${event.count} acknowledged writes accepted by ${event.node} between ${formatClock(event.firstUs)} and ` +
        `${formatClock(event.lastUs)} are missing from the final history: they are lost.`
      );
    case "run_end":
      return event.authority === ""
        ? "The run ends."
        : `The run ends; ${event.authority} holds the authoritative history.`;
    case "isr":
      return `The in-sync replica set of ${event.node} is now ${[event.node, ...event.members].join(", ")}${event.left.length > 0 ? ` (${event.left.join(", ")} fell behind)` : ""}.`;
    case "back_off":
      return `${event.node}'s restart policy waits until ${formatClock(event.untilUs)} before starting it again (CrashLoopBackOff).`;
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

function faultSentence(fault: Fault, label: string): string {
  switch (fault.kind) {
    case "crash":
      return `Fault: ${fault.node} crashes.`;
    case "restart":
      return `Repair: ${fault.node} is restarted.`;
    case "partition":
      return `Fault: the network is partitioned into groups that cannot reach each other: ${groups(fault.groups)}.`;
    case "isolate":
      return `Fault: ${fault.target} is cut off from everything else.`;
    case "heal":
      return "Repair: every cut network link is restored.";
    case "blip":
      return `Fault: a ${formatMicros(fault.durationUs).replace(/\.?0+$/, "")} s network blip separates ${groups(fault.groups)}.`;
    default:
      return `Fault: ${label}.`;
  }
}

function groups(list: readonly (readonly string[])[]): string {
  return list.map((group) => `[${group.join(", ")}]`).join(" | ");
}

/** "catching-up" → "catching up": role names as words. */
function roleName(role: string): string {
  return role.replace(/-/g, " ");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whole microseconds as a clock with milliseconds: 123002279 → "2:03.002". */
export function formatClock(us: number): string {
  const totalMs = Math.floor(us / 1000);
  const ms = totalMs % 1000;
  const totalS = Math.floor(totalMs / 1000);
  const s = totalS % 60;
  const m = Math.floor(totalS / 60) % 60;
  const h = Math.floor(totalS / 3600) % 24;
  const d = Math.floor(totalS / 86_400);
  const two = (n: number) => String(n).padStart(2, "0");
  const tail = `${two(s)}.${String(ms).padStart(3, "0")}`;
  if (d > 0) return `${d}d ${two(h)}:${two(m)}:${tail}`;
  if (h > 0) return `${h}:${two(m)}:${tail}`;
  return `${m}:${tail}`;
}
