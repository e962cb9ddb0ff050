// One trace event as a line of events.csv: the node it is mainly about (a data node, a monitor,
// a client group — or empty for faults that name groups, like partitions) and a human sentence.
// Every detail starts with a short phrase naming what happened, so a line reads on its own;
// times inside details are seconds with 6 decimals, like every time in the reports.
import { formatMicros } from "../metrics/format.ts";
import { faultKindOf, type TraceEvent } from "../model/index.ts";

export interface EventLine {
  node: string;
  detail: string;
}

export function describeEvent(event: TraceEvent): EventLine {
  switch (event.kind) {
    case "fault":
      return { node: faultKindOf(event.fault.kind).node(event.fault), detail: `fault: ${event.label}` };
    case "node_down":
      return { node: event.node, detail: "down: process stopped" };
    case "node_up":
      return { node: event.node, detail: "up: process started" };
    case "role":
      return { node: event.node, detail: `role: ${event.role}, epoch ${event.epoch}` };
    case "suspect":
      return { node: event.node, detail: `suspect: ${event.monitor} suspects ${event.node}` };
    case "trust":
      return { node: event.node, detail: `trust: ${event.monitor} trusts ${event.node} again` };
    case "failover_start":
      return {
        node: event.node,
        detail: `failover: ${event.monitor} orders ${event.node} promoted to replace ${event.from}, epoch ${event.epoch}`,
      };
    case "no_candidate":
      return { node: event.node, detail: `no candidate: ${event.monitor} would replace ${event.node} but none qualifies (${event.reason})` };
    case "warm_up":
      return {
        node: event.node,
        detail: `warm-up: serves ${Math.round(event.capacity * 100)}% of writes until ${formatMicros(event.untilUs)} s`,
      };
    case "restored":
      return {
        node: event.node,
        detail: `restored: ${event.length} log entries from backup and archive, ${event.replayed} of them replayed from the archive`,
      };
    case "semi_sync":
      return {
        node: event.node,
        detail: event.on ? "semi-sync: standbys caught up, commits wait for them again" : "semi-sync: timed out waiting for standbys, falls back to async",
      };
    case "promoted": {
      const failback = event.failback ? ", failback" : "";
      const previous = `${event.previous} (${event.previousAlive ? "alive" : "down"})`;
      return { node: event.node, detail: `promoted: epoch ${event.epoch}, replaces ${previous}${failback}` };
    }
    case "demoted":
      return { node: event.node, detail: `demoted: standby in epoch ${event.epoch}` };
    case "rewind":
      return {
        node: event.node,
        detail: `rewind: discarded ${event.discarded} log entries, ${event.discardedAcked} of them acknowledged`,
      };
    case "reroute":
      return { node: event.client, detail: `reroute: writes from ${event.client} now go to ${event.target}` };
    case "write_issued":
      return { node: event.client, detail: `write ${event.id} issued` };
    case "write_accepted":
      return {
        node: event.node,
        detail: `write ${event.id} accepted${event.divergent ? " by a deposed primary (divergent)" : ""}`,
      };
    case "write_acked":
      return { node: event.client, detail: `write ${event.id} acknowledged after ${formatMicros(event.tUs - event.issuedUs)} s` };
    case "write_failed":
      return {
        node: event.client,
        detail: `write ${event.id} failed: ${event.reason} after ${formatMicros(event.tUs - event.issuedUs)} s`,
      };
    case "replicated":
      return {
        node: event.node,
        detail: `replicated: received up to position ${event.position}, lag ${formatMicros(event.lagUs)} s`,
      };
    case "writes_lost":
      return {
        node: event.node,
        detail:
          `writes lost: ${event.count} acknowledged writes accepted between ${formatMicros(event.firstUs)} s ` +
          `and ${formatMicros(event.lastUs)} s, rpo ${formatMicros(event.rpoUs)} s`,
      };
    case "run_end":
      return { node: event.authority, detail: event.authority === "" ? "run end" : `run end: ${event.authority} holds the authoritative history` };
    case "read": {
      const outcome = {
        fresh: `answered by ${event.node}`,
        stale: `answered by ${event.node} without the connection's last acknowledged write (read-your-writes violation)`,
        rejected: `refused by ${event.node}`,
        timeout: `unanswered by ${event.node} (timeout)`,
      }[event.outcome];
      return { node: event.client, detail: `read ${outcome} after ${formatMicros(event.tUs - event.issuedUs)} s` };
    }
    case "request_served":
      return { node: event.node, detail: `request of ${event.client} served` };
    case "session_lost":
      return { node: event.node, detail: `session lost: user ${event.user} of ${event.client} must log in again on ${event.node}` };
    case "lb_down":
      return { node: event.node, detail: `out of rotation: the load balancer of ${event.client} stops sending requests to ${event.node}` };
    case "lb_up":
      return { node: event.node, detail: `in rotation: the load balancer of ${event.client} sends requests to ${event.node} again` };
    case "fencing": {
      const what = { started: "fencing device powering it off", "powered-off": "powered off by the fencing device", failed: "fencing attempt failed" }[event.outcome];
      return { node: event.node, detail: `stonith: ${what} (attempt ${event.attempt})` };
    }
    case "operator":
      return { node: event.node, detail: `operator: ${event.action}${event.ok ? "" : " (error)"}` };
    case "node_paused":
      return { node: event.node, detail: `paused: the process is frozen until ${formatMicros(event.untilUs)} s` };
    case "node_resumed":
      return { node: event.node, detail: "resumed: the process carries on where it stopped" };
    default: {
      const unknown: never = event;
      throw new Error(`unknown trace event ${JSON.stringify(unknown)}`);
    }
  }
}
