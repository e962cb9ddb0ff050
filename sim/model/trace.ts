// The trace: typed domain events the world emits as it runs, in time order. Metrics and
// reports are computed from it alone. Times are whole microseconds (tUs).
import type { Fault } from "./faults/index.ts";
import type { Rejoin } from "./rejoin/index.ts";

/** Role of a data node. "fenced" is a primary that may not take writes (stale epoch, lost lease,
 *  too few replicas, stepped down for a failback, or powered off by STONITH); "off" is a cold standby not running; on a promote command it is
 *  "booting" (cold only), "catching-up" (applying its backlog, or restoring and replaying for a
 *  cold standby), then "promoting" until it accepts writes; "rejoining" is after a restart, until
 *  the controller assigns a role, and while a deposed primary is rewound, rebuilt or waits for
 *  an operator before it follows (failover.rejoin). */
export type TraceRole =
  "primary" | "standby" | "fenced" | "off" | "booting" | "catching-up" | "promoting" | "rejoining";

export type TraceEvent =
  /** A scheduled fault took effect. `label` is describeFault(fault). */
  | { kind: "fault"; tUs: number; fault: Fault; label: string }
  /** A node's process stopped (crash) or started again (restart). */
  | { kind: "node_down"; tUs: number; node: string }
  | { kind: "node_up"; tUs: number; node: string }
  /** A process exited and its restart policy waits until `untilUs` before starting it again
   *  (Kubernetes' CrashLoopBackOff); an immediate restart has no back_off. */
  | { kind: "back_off"; tUs: number; node: string; untilUs: number }
  /** The restart policy started an exited process again: its `restarts`-th restart. */
  | { kind: "auto_restart"; tUs: number; node: string; restarts: number }
  /** A node's process froze (a GC or VM pause) until `untilUs`, or resumed. */
  | { kind: "node_paused"; tUs: number; node: string; untilUs: number }
  | { kind: "node_resumed"; tUs: number; node: string }
  /** A data node's role changed (also emitted once per data node at t=0). */
  | { kind: "role"; tUs: number; node: string; role: TraceRole; epoch: number }
  /** A monitor's detector verdict on a data node changed. */
  | { kind: "suspect"; tUs: number; monitor: string; node: string }
  | { kind: "trust"; tUs: number; monitor: string; node: string }
  /** The controller decided a failover (sent the promote command). */
  | {
      kind: "failover_start";
      tUs: number;
      monitor: string;
      node: string;
      from: string;
      epoch: number;
    }
  /** The controller wanted to fail over but no standby qualified (`reason` says why). */
  | { kind: "no_candidate"; tUs: number; monitor: string; node: string; reason: string }
  /** A promoted node serves only `capacity` (a fraction) of writes until `untilUs`. */
  | { kind: "warm_up"; tUs: number; node: string; untilUs: number; capacity: number }
  /** A cold standby restored its log from backup and archive: `length` entries, `replayed` of them from the archive. */
  | { kind: "restored"; tUs: number; node: string; length: number; replayed: number }
  /** STONITH: a fencing attempt on `node` started, powered it off, or failed. */
  | {
      kind: "fencing";
      tUs: number;
      node: string;
      attempt: number;
      outcome: "started" | "powered-off" | "failed";
    }
  /** What the (simulated) operator did: paged, acted, failed, stood down. */
  | { kind: "operator"; tUs: number; node: string; action: string; ok: boolean }
  /** A semi-sync primary stopped waiting for standbys (`on` false) or resumed waiting (`on` true). */
  | { kind: "semi_sync"; tUs: number; node: string; on: boolean }
  /** A node finished promotion and now accepts writes as primary of `epoch`.
   *  `previous` is the primary it replaces; `previousAlive` whether that node's process was up;
   *  `failback` whether this node is the scenario's original primary returning to the role. */
  | {
      kind: "promoted";
      tUs: number;
      node: string;
      epoch: number;
      previous: string;
      previousAlive: boolean;
      failback: boolean;
      /** A failback handover the policy chose, not a reaction to a failure. */
      planned: boolean;
    }
  /** A deposed primary stays out until `untilUs` (-1: for good) as its rejoin mode says, then follows. */
  | { kind: "rejoin"; tUs: number; node: string; mode: Rejoin; untilUs: number }
  /** The controller acknowledged a change of a leader's in-sync replica set (isr replication),
   *  or (`fenced`) removed brokers it fenced from it: `members` are the followers in it now (the
   *  leader is never listed), `left` and `joined` the change. */
  | {
      kind: "isr";
      tUs: number;
      node: string;
      members: readonly string[];
      left: readonly string[];
      joined: readonly string[];
      fenced?: true;
    }
  /** A primary learned it was deposed and became a standby. */
  | { kind: "demoted"; tUs: number; node: string; epoch: number }
  /** A node discarded the suffix of its log that the current primary's history does not contain. */
  | { kind: "rewind"; tUs: number; node: string; discarded: number; discardedAcked: number }
  /** A client group's circuit breaker changed state; `fires` and `failures` are its rolling
   *  window's counts at that moment, `rejected` the calls it failed at once (sending nothing)
   *  since it last opened. */
  | {
      kind: "breaker";
      tUs: number;
      client: string;
      state: "closed" | "open" | "half-open";
      fires: number;
      failures: number;
      rejected: number;
    }
  /** A client group's router now sends writes to `target`. */
  | { kind: "reroute"; tUs: number; client: string; target: string }
  /** Per-write events (trace level "full" in events.csv; always seen by metrics). */
  | { kind: "write_issued"; tUs: number; client: string; id: number }
  | { kind: "write_accepted"; tUs: number; node: string; id: number; divergent: boolean }
  | { kind: "write_acked"; tUs: number; client: string; id: number; issuedUs: number }
  | {
      kind: "write_failed";
      tUs: number;
      client: string;
      id: number;
      issuedUs: number;
      reason: WriteFailure;
    }
  /** A read's outcome at its client: answered by `node` having the connection's last
   *  acknowledged write ("fresh") or without it ("stale": a read-your-writes violation),
   *  refused by `node` ("rejected"), or unanswered within the timeout ("timeout"). */
  | {
      kind: "read";
      tUs: number;
      client: string;
      node: string;
      outcome: ReadOutcome;
      issuedUs: number;
    }
  /** An autoscaled pool server (a fleet) launches `launching` instances, to `instances` in all,
   *  ready at `readyAtUs`; then its capacity grows (`capacity`: requests per second it handles). */
  | {
      kind: "scale_out";
      tUs: number;
      node: string;
      launching: number;
      instances: number;
      readyAtUs: number;
    }
  | { kind: "capacity"; tUs: number; node: string; instances: number; capacityPerS: number }
  /** A pool server handled a request of a client group (the load each server carries). */
  | { kind: "request_served"; tUs: number; node: string; client: string }
  /** A pool server served a returning user who had no session there: the user logged in again. */
  | { kind: "session_lost"; tUs: number; client: string; node: string; user: number }
  /** A client group's load balancer took a pool server out of rotation (after failed checks,
   *  or at once when `notReady`: its container exited, restart-policy.ts), or put it back. */
  | { kind: "lb_down"; tUs: number; client: string; node: string; notReady?: true }
  | { kind: "lb_up"; tUs: number; client: string; node: string }
  /** A standby applied log entries; lagUs is now − acceptance time of the newest entry applied. */
  | { kind: "replicated"; tUs: number; node: string; lagUs: number; position: number }
  /** End-of-run accounting: acknowledged writes accepted by `node` that the final authoritative
   *  history lacks. rpoUs is the time from the last write the surviving history kept from that
   *  stretch of log to the newest lost acknowledged write. */
  | {
      kind: "writes_lost";
      tUs: number;
      node: string;
      count: number;
      firstUs: number;
      lastUs: number;
      rpoUs: number;
    }
  /** The run is over: `authority` is the node whose log is the final authoritative history
   *  ("" when the scenario has no database, only a pool of servers). */
  | { kind: "run_end"; tUs: number; authority: string };

/** timeout: no answer within the timeout; rejected: refused by the node or the load balancer;
 *  breaker-open: the client's open circuit breaker failed it at once, sending nothing;
 *  fallback: it failed (any way) and the circuit breaker's fallback answered it instead. */
export type WriteFailure = "timeout" | "rejected" | "breaker-open" | "fallback";

export type ReadOutcome = "fresh" | "stale" | "rejected" | "timeout";

export type TraceKind = TraceEvent["kind"];

/** Events emitted once per write, read, re-login or replication batch: high volume, shown only
 *  at trace level "full". */
export const perWriteKinds: ReadonlySet<TraceKind> = new Set<TraceKind>([
  "write_issued",
  "write_accepted",
  "write_acked",
  "write_failed",
  "replicated",
  "read",
  "session_lost",
  "request_served",
]);

export type TraceSink = (event: TraceEvent) => void;

/** The per-write events that are nearly all of a busy run's trace (a few per client write, and
 *  one per standby per replication batch), handed over as their values rather than as objects:
 *  a consumer that only counts and hashes them (the run's metrics, its fingerprint) needs no
 *  object per write. Each call stands for the event writeEvents makes of it, with the same values
 *  in the same order. */
export interface WriteTrace {
  writeIssued(tUs: number, client: string, id: number): void;
  writeAccepted(tUs: number, node: string, id: number, divergent: boolean): void;
  writeAcked(tUs: number, client: string, id: number, issuedUs: number): void;
  replicated(tUs: number, node: string, lagUs: number, position: number): void;
}

/** The per-write values made events, each handed to `sink`: the one place these events are
 *  built, for whoever wants them as objects (a sink without a WriteTrace of its own, the kept
 *  events of `--trace full`, an `onTrace` watcher). */
export function writeEvents(sink: TraceSink): WriteTrace {
  return {
    writeIssued: (tUs, client, id) => sink({ kind: "write_issued", tUs, client, id }),
    writeAccepted: (tUs, node, id, divergent) =>
      sink({ kind: "write_accepted", tUs, node, id, divergent }),
    writeAcked: (tUs, client, id, issuedUs) =>
      sink({ kind: "write_acked", tUs, client, id, issuedUs }),
    replicated: (tUs, node, lagUs, position) =>
      sink({ kind: "replicated", tUs, node, lagUs, position }),
  };
}
