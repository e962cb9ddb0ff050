// How the swarm draws each value of each registry, with its parameters: each detector kind,
// fencing kind, failback policy, rejoin mode, routing kind and latency distribution draws its own
// settings
// (model/<registry>/<kind>.ts); here, one entry per replication mode and standby readiness, each a Record over the
// registry's own union — so a new value is a type error here until the swarm knows how to draw
// it, and from then on it is drawn. Every draw returns the scenario DSL's plain data (durations
// as text), so a drawn configuration is exactly what a reproducer file says.
// Ranges are this project's choices: wide enough to reach the corners (a φ threshold of 1, a
// single-sample window, a STONITH device that fails most of the time), each kept valid for the
// schema, and short enough that a run of a few minutes sees detection, failover and recovery.
import type { Rng } from "../../engine/index.ts";
import {
  detectorKindOf,
  detectorKinds,
  failbackKindOf,
  failbackNames,
  fencingKindOf,
  fencingNames,
  drawLatency,
  latencyKinds,
  rejoinKindOf,
  rejoinNames,
  routingKindOf,
  routingKinds,
  type DetectorSpec,
  type LatencyKind,
} from "../../model/index.ts";

export { drawLease } from "../../model/index.ts";
import type {
  ClientSpec,
  FailoverSpec,
  NetworkSpec,
  NodeSpec,
  ReplicationSpec,
} from "../../scenario/index.ts";
import type {
  DetectorKind,
  Failback,
  Fencing,
  Readiness,
  RejoinChoice,
  ReplicationModeChoice,
  RoutingKind,
} from "../../scenario/index.ts";
import { drawDuration, drawInt } from "../../dsl/index.ts";

export { drawDuration, drawInt };

/** What a draw may depend on: the standbys that stream (hot or warm) and the servers of a pool. */
export interface DrawContext {
  streamingStandbys: number;
  servers: readonly string[];
}

const msUs = 1000;
const sUs = 1_000_000;

/** Each detector kind draws its own settings (model/detectors/<kind>.ts). */
export const detectorDraws = Object.fromEntries(
  detectorKinds.map((kind) => [kind, detectorKindOf(kind).draw]),
) as Record<DetectorKind, (rng: Rng) => DetectorSpec>;

/** Each fencing kind draws its own settings (model/fencing/<kind>.ts). */
export const fencingDraws = Object.fromEntries(
  fencingNames.map((name) => [name, fencingKindOf(name).draw]),
) as unknown as Record<Fencing, (rng: Rng, context: DrawContext) => FailoverSpec>;

export const replicationDraws: Record<
  ReplicationModeChoice,
  (rng: Rng, context: DrawContext) => ReplicationSpec
> = {
  async: (rng) => ({ mode: "async", lag: drawDuration(rng, 0, 500 * msUs) }),
  sync: (rng, { streamingStandbys }) => ({
    mode: "sync",
    waitFor: waitForDraw(rng, streamingStandbys),
  }),
  "semi-sync": (rng, { streamingStandbys }) => ({
    mode: "semi-sync",
    waitFor: waitForDraw(rng, streamingStandbys),
    semiSyncTimeout: drawDuration(rng, 1 * sUs, 10 * sUs),
  }),
  quorum: (rng, { streamingStandbys }) =>
    rng.chance(0.5)
      ? { mode: "quorum" }
      : { mode: "quorum", waitFor: waitForDraw(rng, streamingStandbys) },
  isr: (rng, { streamingStandbys }) => ({
    mode: "isr",
    minInsync: drawInt(rng, 1, streamingStandbys + 1),
    lagTimeMax: drawDuration(rng, 2 * sUs, 30 * sUs),
  }),
};

/** Every streaming standby more often than not: that is the configuration that promises no loss. */
function waitForDraw(rng: Rng, streamingStandbys: number): number {
  return rng.chance(0.6) ? streamingStandbys : drawInt(rng, 1, streamingStandbys);
}

/** Each failback policy draws its own settings (model/failback/<kind>.ts). */
export const failbackDraws = Object.fromEntries(
  failbackNames.map((name) => [name, failbackKindOf(name).draw]),
) as unknown as Record<Failback, (rng: Rng) => FailoverSpec>;

/** A network's latency: fixed (with a jitter) or each distribution kind (model/latency/). */
export const latencyChoices = ["fixed", ...latencyKinds] as const;
export type LatencyChoice = "fixed" | LatencyKind;

/** A network whose default link has a latency of `kind` — fixed: 0.5 to 20 ms ± up to half of
 *  it; a distribution: its kind's own draw, without jitter — losing messages one time in five
 *  and delivering out of order one time in five. */
export function drawNetwork(rng: Rng, kind: LatencyChoice): NetworkSpec {
  const fixedUs = Math.round(rng.uniform(0.5, 20)) * msUs;
  const latency = drawLatency(rng, kind, () => `${fixedUs / msUs}ms`);
  return {
    latency,
    jitter: kind === "fixed" ? drawDuration(rng, 0, fixedUs / 2) : "0s",
    ...(rng.chance(0.2) && { loss: Math.round(rng.uniform(1, 50)) / 1000 }),
    ...(rng.chance(0.2) && { reorder: true }),
  };
}

/** Each rejoin mode draws its own settings (model/rejoin/<mode>.ts). */
export const rejoinDraws = Object.fromEntries(
  rejoinNames.map((name) => [name, rejoinKindOf(name).draw]),
) as unknown as Record<RejoinChoice, (rng: Rng) => FailoverSpec>;

export const readinessDraws: Record<Readiness, (rng: Rng) => Partial<NodeSpec>> = {
  hot: () => ({ readiness: "hot" }),
  warm: (rng) => ({
    readiness: "warm",
    applyEvery: drawDuration(rng, 1 * sUs, 20 * sUs),
    warmUp: drawDuration(rng, 0, 20 * sUs),
  }),
  cold: (rng) => ({
    readiness: "cold",
    bootIn: drawDuration(rng, 5 * sUs, 30 * sUs),
    restoreIn: drawDuration(rng, 5 * sUs, 30 * sUs),
    backupEvery: drawDuration(rng, 30 * sUs, 120 * sUs),
    archiveEvery: rng.chance(0.2) ? "0s" : drawDuration(rng, 5 * sUs, 30 * sUs),
    warmUp: drawDuration(rng, 0, 20 * sUs),
  }),
};

/** A node's restart policy "always", with a back-off short enough to repeat within a run. */
export function drawRestart(rng: Rng): Partial<NodeSpec> {
  return {
    restartPolicy: "always",
    restartBackOff: {
      initial: drawDuration(rng, 1 * sUs, 10 * sUs),
      max: drawDuration(rng, 10 * sUs, 60 * sUs),
      resetAfter: drawDuration(rng, 30 * sUs, 300 * sUs),
    },
  };
}

/** A client group's circuit breaker, with a window and reset short enough to open and close
 *  within a run. */
export function drawBreaker(rng: Rng): NonNullable<ClientSpec["breaker"]> {
  return {
    errorThresholdPercentage: drawInt(rng, 10, 90),
    resetTimeout: drawDuration(rng, 2 * sUs, 30 * sUs),
    rollingCountTimeout: drawDuration(rng, 1 * sUs, 10 * sUs),
    rollingCountBuckets: drawInt(rng, 1, 10),
    volumeThreshold: drawInt(rng, 0, 20),
    fallback: rng.chance(0.5),
  };
}

/** A pool server as an autoscaled fleet: a capacity of a few instances, and its autoscaling. */
export function drawAutoscale(rng: Rng): Partial<NodeSpec> {
  const instancePerS = drawInt(rng, 5, 20);
  return {
    capacity: `${instancePerS * drawInt(rng, 1, 4)}/s`,
    queueLimit: drawDuration(rng, 100 * msUs, 2 * sUs),
    autoscale: {
      instance: `${instancePerS}/s`,
      targetUtilization: drawInt(rng, 3, 9) / 10,
      period: drawDuration(rng, 2 * sUs, 20 * sUs),
      periods: drawInt(rng, 1, 3),
      launchIn: drawDuration(rng, 0, 30 * sUs),
      maxInstances: drawInt(rng, 4, 12),
    },
  };
}

/** Each routing kind draws its own settings (model/routing/<kind>.ts). */
export const routingDraws = Object.fromEntries(
  routingKinds.map((kind) => [kind, routingKindOf(kind).draw]),
) as unknown as Record<
  RoutingKind,
  (rng: Rng, context: DrawContext) => NonNullable<ClientSpec["routing"]>
>;
