// What travels over the network, and the events the world schedules for itself.
import type { Aim } from "./aim.ts";
import type { Fault } from "./faults/index.ts";
import type { Command, NodeReport } from "./cluster-state.ts";

export type Message =
  /** monitor → data node: are you there? (probe `seq`, sent at `sentUs`; the pong goes back to
   *  `monitorEndpoint`, the monitor's place among the world's endpoints) */
  | { type: "ping"; monitorEndpoint: number; seq: number; sentUs: number }
  /** data node → monitor: yes, and this is my state. */
  | { type: "pong"; node: string; report: NodeReport; seq: number; sentUs: number }
  /** data node → every monitor (the coordination store): renew my lease. */
  | { type: "renew"; node: string; report: NodeReport }
  /** acting controller → data node: lease renewed; the cluster's epoch and primary. */
  | { type: "renew-ack"; epoch: number; primary: string }
  /** monitor → controller monitor: my detector's verdict on a node changed. */
  | { type: "verdict"; monitor: string; node: string; suspect: boolean }
  /** monitor → every other monitor, each round: the nodes I suspect now (repairs lost verdicts). */
  | { type: "verdicts"; monitor: string; suspects: readonly string[] }
  /** controller → data node or client router. */
  | { type: "command"; command: Command }
  /** promoted node → controller: I accept writes as primary of this epoch. */
  | { type: "promoted"; node: string; epoch: number }
  /** router → data node: one client write. */
  | { type: "write"; client: string; id: number }
  /** data node → client: outcome of a write (position on `timelineId` when accepted). */
  | { type: "write-reply"; id: number; ok: boolean; timelineId: number; position: number }
  /** primary → standby: log entries (from, to] of the primary's timeline. */
  | {
      type: "replicate";
      primary: string;
      epoch: number;
      timelineId: number;
      from: number;
      to: number;
    }
  /** standby → its upstream: how far my log reaches; `gap` asks for a resend. */
  | { type: "status"; node: string; timelineId: number; length: number; gap: boolean }
  /** client → every monitor: who is the primary? (discovery routing) */
  | { type: "lookup"; client: string }
  /** acting controller → client: the primary and its epoch. */
  | { type: "lookup-reply"; primary: string; epoch: number }
  /** standby → a primary it does not follow: stop sending to me. */
  | { type: "not-following"; node: string }
  /** client → database node: one read; (timelineId, position) is the connection's last
   *  acknowledged write (timelineId -1: none), which the read must see. */
  | { type: "read"; client: string; id: number; timelineId: number; position: number }
  /** database node → client: answered (`ok`), and whether the answer saw that write (`fresh`). */
  | { type: "read-reply"; id: number; ok: boolean; fresh: boolean }
  /** load balancer → pool server: one request of `user` (-1: no session kept on servers);
   *  `returning`: the user has been served before, so a session was expected. */
  | { type: "request"; client: string; id: number; user: number; returning: boolean }
  /** load balancer → pool server: health check of round `seq`. */
  | { type: "check"; client: string; seq: number }
  | { type: "check-reply"; server: string; seq: number }
  /** leader → every monitor (the controller): make the in-sync replica set `members` (isr). */
  | { type: "isr"; node: string; epoch: number; members: readonly string[] }
  /** acting controller → leader: the ISR of `epoch` is `members` now. */
  | { type: "isr-ack"; epoch: number; members: readonly string[] };

export type WorldEvent =
  /** `queuedFromUs`/`queuedUntilUs` are set when the message waited for a busy link: a crash of
   *  its sender in that interval loses it. */
  | {
      kind: "deliver";
      source: number;
      target: number;
      message: Message;
      queuedFromUs?: number;
      queuedUntilUs?: number;
    }
  | { kind: "heartbeat"; monitor: number }
  | { kind: "probe-deadline"; monitor: number; node: string; seq: number }
  /** A monitor's scheduled look at one node's silence; stale when `generation` has moved on.
   *  Phase 0 re-queues itself at the same time, so replies arriving at that very instant count. */
  | { kind: "verdict-check"; monitor: number; node: string; generation: number; phase: 0 | 1 }
  | { kind: "controller-timer" }
  | { kind: "fence-done"; node: number; attempt: number; ok: boolean }
  | { kind: "renew-tick"; node: number }
  | { kind: "lease-check"; node: number }
  | { kind: "pause-end"; node: number }
  /** A node with limited capacity gets round to a queued write or health check. */
  | { kind: "served"; node: number; message: Message }
  /** A slow node gets round to a write it received `delay` ago. */
  | { kind: "slow-write"; node: number; client: string; id: number }
  | { kind: "status-tick"; node: number }
  | { kind: "issue-write"; client: number }
  | { kind: "write-timeout"; client: number; id: number; attempt: number }
  /** A client sends (or re-sends) a write once its connection is ready or its backoff is over. */
  | { kind: "client-send"; client: number; id: number }
  | { kind: "lookup-timeout"; client: number }
  /** A client's open circuit breaker turns half-open (void if it opened again since). */
  | { kind: "breaker-timer"; client: number; generation: number }
  | { kind: "issue-read"; client: number }
  /** A read waits for its connection to be ready (reconnecting after a change of target). */
  | { kind: "read-send"; client: number; id: number }
  | { kind: "read-timeout"; client: number; id: number }
  /** A load balancer's health-check round, and the deadline of round `seq`. */
  | { kind: "lb-tick"; client: number }
  | { kind: "lb-deadline"; client: number; seq: number }
  /** An autoscaled pool server's measurement, and its launched instances coming into service. */
  | { kind: "autoscale-tick"; node: number }
  | { kind: "autoscale-ready"; node: number; count: number }
  /** A scheduled fault; one aimed at a role strikes the node holding it then (aim.ts). */
  | { kind: "fault"; fault: Fault; aim?: Aim }
  /** A fault's own later step (faults/<kind>.ts): a blip heals, a flaky link toggles. */
  | { kind: "fault-step"; step: () => void }
  | { kind: "promotion-step"; node: number; epoch: number }
  /** A deposed primary's rejoin (rewind, rebuild, operator) is due at `dueUs`. */
  | { kind: "rejoin-step"; node: number; dueUs: number }
  | { kind: "ship"; node: number }
  | { kind: "ack-timeout"; node: number }
  /** A leader's check of its in-sync replicas (isr replication). */
  | { kind: "isr-check"; node: number }
  | { kind: "backup"; node: number }
  | { kind: "archive"; node: number };
