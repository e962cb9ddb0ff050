// One trace event as a line of events.csv: the node it is mainly about (a data node, a monitor,
// a client group — or empty for faults that name groups, like partitions) and a human sentence.
// Every detail starts with a short phrase naming what happened, so a line reads on its own;
// times inside details are seconds with 6 decimals, like every time in the reports. One
// describer per trace kind, in a table typed over the kinds (a fault's node is its kind's own).
import { formatMicros } from "../metrics/format.ts";
import { faultKindOf, type TraceEvent } from "../model/index.ts";

export interface EventLine {
  node: string;
  detail: string;
}

type Details = {
  readonly [K in TraceEvent["kind"]]: (event: Extract<TraceEvent, { kind: K }>) => EventLine;
};

const details: Details = {
  fault: (event) => ({
    node: faultKindOf(event.fault.kind).node(event.fault),
    detail: `fault: ${event.label}`,
  }),
  node_down: (event) => ({ node: event.node, detail: "down: process stopped" }),
  node_up: (event) => ({ node: event.node, detail: "up: process started" }),
  role: (event) => ({ node: event.node, detail: `role: ${event.role}, epoch ${event.epoch}` }),
  suspect: (event) => ({
    node: event.node,
    detail: `suspect: ${event.monitor} suspects ${event.node}`,
  }),
  trust: (event) => ({
    node: event.node,
    detail: `trust: ${event.monitor} trusts ${event.node} again`,
  }),
  failover_start: (event) => ({
    node: event.node,
    detail: `failover: ${event.monitor} orders ${event.node} promoted to replace ${event.from}, epoch ${event.epoch}`,
  }),
  no_candidate: (event) => ({
    node: event.node,
    detail: `no candidate: ${event.monitor} would replace ${event.node} but none qualifies (${event.reason})`,
  }),
  warm_up: (event) => ({
    node: event.node,
    detail: `warm-up: serves ${Math.round(event.capacity * 100)}% of writes until ${formatMicros(event.untilUs)} s`,
  }),
  restored: (event) => ({
    node: event.node,
    detail: `restored: ${event.length} log entries from backup and archive, ${event.replayed} of them replayed from the archive`,
  }),
  semi_sync: (event) => ({
    node: event.node,
    detail: event.on
      ? "semi-sync: standbys caught up, commits wait for them again"
      : "semi-sync: timed out waiting for standbys, falls back to async",
  }),
  promoted: (event) => {
    const failback = event.failback ? ", failback" : "";
    const previous = `${event.previous} (${event.previousAlive ? "alive" : "down"})`;
    return {
      node: event.node,
      detail: `promoted: epoch ${event.epoch}, replaces ${previous}${failback}`,
    };
  },
  isr: (event) => ({
    node: event.node,
    detail: `isr: in-sync followers ${event.members.join(" ") || "none"}${event.left.length > 0 ? `; ${event.left.join(" ")} left` : ""}${event.joined.length > 0 ? `; ${event.joined.join(" ")} joined` : ""}`,
  }),
  demoted: (event) => ({ node: event.node, detail: `demoted: standby in epoch ${event.epoch}` }),
  rejoin: (event) => ({
    node: event.node,
    detail:
      event.untilUs < 0
        ? `rejoin (${event.mode}): stays out for good`
        : `rejoin (${event.mode}): follows the new primary at ${formatMicros(event.untilUs)} s`,
  }),
  rewind: (event) => ({
    node: event.node,
    detail: `rewind: discarded ${event.discarded} log entries, ${event.discardedAcked} of them acknowledged`,
  }),
  breaker: (event) => ({
    node: event.client,
    detail: `circuit breaker ${event.state}: ${event.failures} failures and ${event.fires} calls in its window, ${event.rejected} calls rejected since it opened`,
  }),
  reroute: (event) => ({
    node: event.client,
    detail: `reroute: writes from ${event.client} now go to ${event.target}`,
  }),
  write_issued: (event) => ({ node: event.client, detail: `write ${event.id} issued` }),
  write_accepted: (event) => ({
    node: event.node,
    detail: `write ${event.id} accepted${event.divergent ? " by a deposed primary (divergent)" : ""}`,
  }),
  write_acked: (event) => ({
    node: event.client,
    detail: `write ${event.id} acknowledged after ${formatMicros(event.tUs - event.issuedUs)} s`,
  }),
  write_failed: (event) => ({
    node: event.client,
    detail: `write ${event.id} failed: ${event.reason} after ${formatMicros(event.tUs - event.issuedUs)} s`,
  }),
  replicated: (event) => ({
    node: event.node,
    detail: `replicated: received up to position ${event.position}, lag ${formatMicros(event.lagUs)} s`,
  }),
  writes_lost: (event) => ({
    node: event.node,
    detail:
      `writes lost: ${event.count} acknowledged writes accepted between ${formatMicros(event.firstUs)} s ` +
      `and ${formatMicros(event.lastUs)} s, rpo ${formatMicros(event.rpoUs)} s`,
  }),
  run_end: (event) => ({
    node: event.authority,
    detail:
      event.authority === ""
        ? "run end"
        : `run end: ${event.authority} holds the authoritative history`,
  }),
  read: (event) => {
    const outcome = {
      fresh: `answered by ${event.node}`,
      stale: `answered by ${event.node} without the connection's last acknowledged write (read-your-writes violation)`,
      rejected: `refused by ${event.node}`,
      timeout: `unanswered by ${event.node} (timeout)`,
    }[event.outcome];
    return {
      node: event.client,
      detail: `read ${outcome} after ${formatMicros(event.tUs - event.issuedUs)} s`,
    };
  },
  scale_out: (event) => ({
    node: event.node,
    detail: `scale-out: launches ${event.launching} instance${event.launching === 1 ? "" : "s"} (${event.instances} in all), in service at ${formatMicros(event.readyAtUs)} s`,
  }),
  capacity: (event) => ({
    node: event.node,
    detail: `capacity: ${event.instances} instances handle ${event.capacityPerS} requests/s`,
  }),
  request_served: (event) => ({ node: event.node, detail: `request of ${event.client} served` }),
  session_lost: (event) => ({
    node: event.node,
    detail: `session lost: user ${event.user} of ${event.client} must log in again on ${event.node}`,
  }),
  lb_down: (event) => ({
    node: event.node,
    detail: `out of rotation: the load balancer of ${event.client} stops sending requests to ${event.node}${event.notReady ? " (its container exited: not ready)" : ""}`,
  }),
  lb_up: (event) => ({
    node: event.node,
    detail: `in rotation: the load balancer of ${event.client} sends requests to ${event.node} again`,
  }),
  fencing: (event) => {
    const what = {
      started: "fencing device powering it off",
      "powered-off": "powered off by the fencing device",
      failed: "fencing attempt failed",
    }[event.outcome];
    return { node: event.node, detail: `stonith: ${what} (attempt ${event.attempt})` };
  },
  operator: (event) => ({
    node: event.node,
    detail: `operator: ${event.action}${event.ok ? "" : " (error)"}`,
  }),
  back_off: (event) => ({
    node: event.node,
    detail: `back-off: the restart policy waits until ${formatMicros(event.untilUs)} s to start it again (CrashLoopBackOff)`,
  }),
  auto_restart: (event) => ({
    node: event.node,
    detail: `restarted by its restart policy (restart ${event.restarts})`,
  }),
  node_paused: (event) => ({
    node: event.node,
    detail: `paused: the process is frozen until ${formatMicros(event.untilUs)} s`,
  }),
  node_resumed: (event) => ({
    node: event.node,
    detail: "resumed: the process carries on where it stopped",
  }),
};

export function describeEvent(event: TraceEvent): EventLine {
  return (details[event.kind] as (event: TraceEvent) => EventLine)(event);
}
