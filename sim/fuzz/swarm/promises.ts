// What each configuration promises, from the real systems' documentation: the table the swarm
// fuzzer and the end-to-end matrix judge every run against, which "What each configuration
// promises" in docs/fuzzing.md#swarm-fuzzing-sim-fuzz---swarm shows row for row. A promise applies
// to a run when the configuration — and, where the promise depends on it, the fault schedule — is
// one the documentation makes it for; every run is also checked for internal errors and for metrics
// consistent with its trace (consistency.ts).
// - no lost acknowledged write: every standby acknowledges every write before the client hears
//   of it (sync or quorum replication waiting for every standby; none cold): whichever standby
//   is promoted holds every acknowledged write, and a deposed primary can acknowledge nothing
//   once one of them stops following it — whatever the fencing, none included;
// - one writable primary: epoch fencing (storage refuses a stale epoch) or STONITH (the old
//   primary is powered off first); lease fencing too, when failover waits for the lease (lease
//   detection, every monitor agreeing) and the holder gives it up in time — renewEvery +
//   retryTimeout, as its clock runs, plus a message's latency, within the ttl;
// - recovery: with automatic failover and nothing that refuses writes on purpose (no failback
//   handover, no operator, no clients ignoring DNS TTLs, no capacity limit, no fencing device
//   that may fail and wait for a recheck, no node powered off for good that a synchronous primary
//   waits for, no circuit breaker that may still be open, no partial stand-in, no ISR below
//   min.insync.replicas or election held back for want of an in-sync replica) or by chance
//   (messages lost at random, or a latency tail that makes one very late), every write issued
//   from the end of the last fault + the settle period (settle-period.ts) is acknowledged.
import type { Episode } from "../episode.ts";
import { lastEndUs } from "../episode.ts";
import { invariants, type Judge } from "../invariants.ts";
import {
  latencyCdf,
  latencyQuantileUs,
  type LinkSpec,
  type WorldConfig,
} from "../../model/index.ts";

export interface PromiseContext {
  world: WorldConfig;
  schedule: readonly Episode[];
  settleUs: number;
  durationUs: number;
}

export interface ConfigurationPromise {
  /** What holds, as a metric bound or a sentence. */
  holds: string;
  /** The configurations it is made for, one line (the "when" of the table in docs/fuzzing.md). */
  when: string;
  /** The documentation it comes from. */
  source: string;
  /** The reproducer's `expect`, as source text (`sim run` exits 1 on it); null: none expresses it. */
  expectSource: string | null;
  applies(context: PromiseContext): boolean;
  judge(context: PromiseContext): Judge;
}

export const promiseNames = [
  "no-lost-acked-writes",
  "single-writable-primary",
  "recovers-after-faults",
] as const;
export type PromiseName = (typeof promiseNames)[number];

export const promises: Record<PromiseName, ConfigurationPromise> = {
  "no-lost-acked-writes": {
    holds: "lost_writes = 0",
    when: "sync or quorum replication whose waitFor is every standby, none of them cold (any fencing, none included)",
    source:
      "PostgreSQL synchronous replication (a commit returns once the synchronous standbys have the WAL); Patroni synchronous_mode promotes only a synchronous standby; MySQL/Redis document losses for semi-sync and async",
    expectSource: "{ lostWrites: 0 }",
    applies: ({ world }) => everyStandbyAcknowledges(world),
    judge: (context) => invariants["no-lost-acked-writes"].judge(context),
  },
  "single-writable-primary": {
    holds: "split_brain_s = 0",
    when: "epoch or STONITH fencing; lease fencing with lease detection, a quorum of every monitor, and renewEvery + retryTimeout (as the holder's clock runs) + latency < ttl",
    source:
      "Pacemaker: resources start elsewhere only after fencing succeeds; epoch/term fencing (Raft terms, fencing tokens); Patroni keeps loop_wait + 2 × retry_timeout ≤ ttl so a leader demotes before its key expires",
    expectSource: "{ splitBrainS: 0 }",
    applies: ({ world, schedule }) => {
      const { fencing } = world.failover;
      return (
        fencing === "epoch" ||
        fencing === "stonith" ||
        (fencing === "lease" && leaseHeldSafely(world, schedule))
      );
    },
    judge: (context) => invariants["single-writable-primary"].judge(context),
  },
  "recovers-after-faults": {
    holds:
      "every write issued from the end of the last fault + the settle period on is acknowledged",
    when: "automatic failover, no failback, no operator, clients that honour DNS TTLs and have no circuit breaker, no capacity limits, no partial stand-in, no random message loss, no latency distribution that exceeds a quarter of a client timeout more often than once in 10^12 messages, replication other than Kafka's ISR; with STONITH, a device that never fails (a failed one waits for a recheck by design) and asynchronous or semi-sync replication (a fenced node stays off, and a synchronous primary would wait for it)",
    source:
      "each system's documented failover time (detection + fencing + promotion), summed as the settle period",
    expectSource: null,
    applies: ({ world, schedule }) => recoveryPromised(world) && lastEndUs(schedule) !== null,
    judge: (context) => invariants["recovers-after-faults"].judge(context),
  },
};

/** Every standby streams and every one must acknowledge a write before the client hears of it. */
function everyStandbyAcknowledges(world: WorldConfig): boolean {
  const standbys = world.nodes.filter((node) => node.role === "standby");
  const { mode, waitFor } = world.replication;
  if (standbys.length === 0 || !world.nodes.some((node) => node.role === "primary")) return false;
  return (
    (mode === "sync" || mode === "quorum") &&
    waitFor >= standbys.length &&
    standbys.every((node) => node.readiness !== "cold")
  );
}

/** Lease fencing keeps one writer when failover waits for the lease and the holder gives it up first. */
function leaseHeldSafely(world: WorldConfig, schedule: readonly Episode[]): boolean {
  const voters = world.nodes.filter(
    (node) => node.role === "monitor" || node.role === "witness",
  ).length;
  if (world.detector.kind !== "lease" || world.failover.quorum < voters) return false;
  // Extra latency from a delay episode reaches renewals and their answers alike.
  if (schedule.some((episode) => episode.fault.kind === "delay")) return false;
  const { ttlUs, renewEveryUs, retryTimeoutUs } = world.failover.lease;
  let slowestUs = renewEveryUs + retryTimeoutUs;
  for (const { fault } of schedule) {
    if (fault.kind !== "clock-skew") continue;
    // A clock that runs slow stretches the holder's wait; one set back adds the jump to it.
    slowestUs = Math.max(
      slowestUs,
      (renewEveryUs + retryTimeoutUs + Math.max(0, -fault.jumpUs)) / Math.min(1, fault.rate),
    );
  }
  return slowestUs + maxLatencyUs(world) < ttlUs;
}

/** The longest one-way delay a message can take on any link: latency + jitter (Infinity when
 *  a latency distribution is unbounded). */
function maxLatencyUs(world: WorldConfig): number {
  return Math.max(
    ...linkSpecs(world).map((spec) => latencyQuantileUs(spec.latency, 1) + spec.jitterUs),
  );
}

/** The default link and each override laid over it. */
function linkSpecs(world: WorldConfig): LinkSpec[] {
  const { defaults, overrides } = world.network;
  return [defaults, ...overrides.map(({ spec }) => ({ ...defaults, ...spec }))];
}

/** Latency beyond which a write may time out: a quarter of the shortest client timeout (a write
 *  crosses a link out and back, and a synchronous one two more). */
const slowShareOfTimeout = 4;
/** A tail this unlikely never shows in a run (a run sends well under 10⁹ messages). */
const negligibleTail = 1e-12;

/** A link whose latency distribution exceeds that limit often enough to time a write out now and
 *  then, however long the cluster has settled. */
function slowTail(world: WorldConfig): boolean {
  const timeoutUs = Math.min(...world.clients.map((client) => client.timeoutUs));
  return linkSpecs(world).some(
    ({ latency }) =>
      typeof latency !== "number" &&
      1 - latencyCdf(latency, timeoutUs / slowShareOfTimeout) > negligibleTail,
  );
}

function recoveryPromised(world: WorldConfig): boolean {
  const { failover, clients, nodes } = world;
  if (!clients.some((client) => client.writesPerSecond > 0)) return false;
  if (!failover.automatic || failover.failback !== "never" || failover.operator !== null)
    return false;
  if (failover.fencing === "stonith") {
    // A failed attempt waits for the cluster recheck, by design; and a node powered off stays off
    // (the model has no reboot), so a primary waiting for its acknowledgement never gets it.
    if (failover.stonith.failureProbability > 0) return false;
    if (world.replication.mode === "sync" || world.replication.mode === "quorum") return false;
  }
  if (clients.some((client) => client.routing.kind === "dns" && client.routing.ignoreTtl > 0))
    return false;
  // Refused on purpose: an open breaker fails calls for its reset timeout, a stand-in refuses
  // the groups it does not serve, and an ISR leader refuses writes below min.insync.replicas
  // (or the partition stays offline until an in-sync replica returns).
  if (clients.some((client) => client.breaker !== null)) return false;
  if (nodes.some((node) => node.serves !== null) || world.replication.mode === "isr") return false;
  // A message lost at random, or one that a heavy latency tail makes very late, fails a write
  // now and then, however long the cluster has settled.
  if (
    world.network.defaults.lossProbability > 0 ||
    world.network.overrides.some(({ spec }) => (spec.lossProbability ?? 0) > 0) ||
    slowTail(world)
  )
    return false;
  return nodes.every((node) => node.capacityPerS === Infinity);
}
