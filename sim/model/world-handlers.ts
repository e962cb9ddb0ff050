// What the world does with each of its events (messages.ts lists them): one handler per kind, in
// a table typed over the union, so a kind without a handler does not compile and the world's loop
// is one lookup. A handler acts on the cast through the parts the world shows it (WorldInside);
// events meant for a paused process never get here (pauses.ts holds them).
import type { Aimer } from "./aim.ts";
import type { Cast } from "./cast.ts";
import type { Observation } from "./cluster-state.ts";
import type { ClientGroup } from "./client-group.ts";
import type { DataNode } from "./data-node.ts";
import { describeFault, faultKindOf } from "./faults/index.ts";
import type { FaultTarget } from "./faults/fault-kind.ts";
import type { FencingDevice } from "./fencing-device.ts";
import type { WorldEvent } from "./messages.ts";
import type { Monitor } from "./monitor.ts";
import type { Network } from "./network.ts";
import type { PoolServer } from "./pool-server.ts";
import type { TraceEvent } from "./trace.ts";
import type { WorldConfig } from "./world-config.ts";

/** The world as its handlers see it. */
export interface WorldInside extends FaultTarget {
  readonly config: WorldConfig;
  readonly cast: Cast;
  readonly network: Network;
  readonly device: FencingDevice;
  /** Strikes faults aimed at a role at the node holding it now (aim.ts). */
  readonly aimer: Aimer;
  /** Time of each endpoint's latest crash (-1: never). */
  readonly lastCrashUs: Float64Array;
  emit(event: TraceEvent): void;
  after(delayUs: number, event: WorldEvent): void;
  /** Whether this monitor acts as controller now (acting-controller.ts). */
  isActingController(name: string): boolean;
  /** An observation from outside the network, for the acting controller (it waits for one). */
  toController(observation: Observation): void;
  /** After a monitor's heartbeat: observations that found no controller go to it if it acts. */
  heartbeatDone(monitor: Monitor): void;
  /** The end of a pause: what waited for the process happens now, in its original order. */
  resume(index: number): void;
  /** A base backup or a log archive of the current primary for a cold standby, on its schedule. */
  saveRestorePoint(kind: "backup" | "archive", cold: DataNode): void;
}

type Handlers = {
  readonly [K in WorldEvent["kind"]]: (
    world: WorldInside,
    event: Extract<WorldEvent, { kind: K }>,
  ) => void;
};

const monitor = (world: WorldInside, index: number) => world.cast.actors[index] as Monitor;
const dataNode = (world: WorldInside, index: number) => world.cast.actors[index] as DataNode;
const client = (world: WorldInside, index: number) => world.cast.actors[index] as ClientGroup;

export const handlers: Handlers = {
  deliver: (world, event) => {
    const target = world.cast.actors[event.target];
    // Client groups never go down; a process that is down hears nothing.
    if ((target as { up?: boolean }).up === false) return;
    if (world.network.isCut(event.source, event.target)) return;
    const crashUs = world.lastCrashUs[event.source];
    if (
      event.queuedUntilUs !== undefined &&
      crashUs >= event.queuedFromUs! &&
      crashUs < event.queuedUntilUs
    )
      return;
    target.receive(event.message);
  },
  heartbeat: (world, event) => {
    const beating = monitor(world, event.monitor);
    const spacingUs = beating.nextRoundUs();
    beating.heartbeat(spacingUs);
    world.heartbeatDone(beating);
    world.after(spacingUs, event);
  },
  "probe-deadline": (world, event) =>
    monitor(world, event.monitor).probeDeadline(event.node, event.seq),
  "verdict-check": (world, event) =>
    monitor(world, event.monitor).verdictCheck(event.node, event.generation, event.phase),
  "controller-timer": (world) => world.toController({ kind: "timer" }),
  "status-tick": (world, event) => {
    dataNode(world, event.node).statusTick();
    world.after(world.config.replication.statusIntervalUs, event);
  },
  "renew-tick": (world, event) => {
    dataNode(world, event.node).renewTick();
    world.after(world.config.failover.lease.renewEveryUs, event);
  },
  "lease-check": (world, event) => dataNode(world, event.node).leaseCheck(),
  "issue-write": (world, event) => client(world, event.client).issue(),
  "write-timeout": (world, event) => client(world, event.client).timeout(event.id, event.attempt),
  "client-send": (world, event) => client(world, event.client).attempt(event.id),
  "lookup-timeout": (world, event) => client(world, event.client).lookupTimedOut(),
  "breaker-timer": (world, event) => client(world, event.client).breakerTimer(event.generation),
  "issue-read": (world, event) => client(world, event.client).reader!.issue(),
  "read-send": (world, event) => client(world, event.client).reader!.send(event.id),
  "read-timeout": (world, event) => client(world, event.client).reader!.timeout(event.id),
  "lb-tick": (world, event) => client(world, event.client).loadBalancer!.tick(),
  "lb-deadline": (world, event) => client(world, event.client).loadBalancer!.deadline(event.seq),
  "autoscale-tick": (world, event) => (world.cast.actors[event.node] as PoolServer).autoscaleTick(),
  "autoscale-ready": (world, event) =>
    (world.cast.actors[event.node] as PoolServer).instancesReady(event.count),
  fault: (world, event) => {
    const fault = event.aim === undefined ? event.fault : world.aimer.aim(event.fault, event.aim);
    if (fault === null) return; // aimed at a role nobody holds now
    world.emit({ kind: "fault", tUs: world.nowUs, fault, label: describeFault(fault) });
    faultKindOf(fault.kind).apply(fault, world);
  },
  "fault-step": (_world, event) => event.step(),
  "pause-end": (world, event) => world.resume(event.node),
  "slow-write": (world, event) => dataNode(world, event.node).slowWrite(event.client, event.id),
  served: (world, event) =>
    (world.cast.actors[event.node] as DataNode | PoolServer).served(event.message),
  "fence-done": (world, event) => {
    const node = dataNode(world, event.node);
    world.device.done(node, event.attempt, event.ok);
    world.toController({ kind: "fenced", node: node.name, ok: event.ok });
  },
  "promotion-step": (world, event) => dataNode(world, event.node).promotionStep(event.epoch),
  "rejoin-step": (world, event) => dataNode(world, event.node).rejoinStep(event.dueUs),
  ship: (world, event) => dataNode(world, event.node).ship(),
  "ack-timeout": (world, event) => dataNode(world, event.node).ackTimeout(),
  "isr-check": (world, event) => {
    const node = dataNode(world, event.node);
    node.sender.isr?.check(node.up && node.role === "primary");
  },
  backup: (world, event) => world.saveRestorePoint("backup", dataNode(world, event.node)),
  archive: (world, event) => world.saveRestorePoint("archive", dataNode(world, event.node)),
};

// The two kinds that are nearly all of a busy run's events, called directly rather than
// through the table: the same handlers, without a lookup by kind.
const { deliver, "issue-write": issueWrite } = handlers;

/** Hands an event to its handler. */
export function dispatch(world: WorldInside, event: WorldEvent): void {
  if (event.kind === "deliver") deliver(world, event);
  else if (event.kind === "issue-write") issueWrite(world, event);
  else (handlers[event.kind] as (world: WorldInside, event: WorldEvent) => void)(world, event);
}
