// The failure detector and the failover policy of a scenario, with defaults: the detector by its
// kind's module (model/detectors/<kind>.ts; fields of other kinds are ignored, so one scenario can
// be swept across kinds), the policy's from defaults.failover. Cross-field rules: the quorum
// counts monitors and witnesses, and a manual failback needs an operator.
import { detectorKindOf, type DetectorConfig, type FailoverConfig, type NodeConfig } from "../model/index.ts";
import { defaults } from "./defaults.ts";
import { formatDuration, parseDuration, parseDurationOrUnlimited, failAt, valueAt, type ResolveContext } from "../dsl/index.ts";
import { writtenAt } from "./policy.ts";
import type { ParsedScenario } from "./schema.ts";

export function resolveDetector(spec: ParsedScenario): DetectorConfig {
  const detector = spec.detector ?? {};
  return detectorKindOf(detector.kind ?? defaults.detector.kind).resolve(detector);
}

export function resolveFailover(spec: ParsedScenario, nodes: NodeConfig[], context: ResolveContext): FailoverConfig {
  const failover = spec.failover ?? {};
  const base = defaults.failover;
  const voters = nodes.filter((node) => node.role === "monitor" || node.role === "witness").length;
  const quorum = failover.quorum ?? base.quorum;
  // A pool of servers alone has no monitor, and nothing to fail over: the default quorum stands unused.
  if (quorum > voters && (voters > 0 || failover.quorum !== undefined)) failAt(context, writtenAt(context.input, ["failover", "quorum"]), `a whole number from 1 to ${voters} (the number of monitors and witnesses)`, String(quorum));
  const failback = failover.failback ?? base.failback;
  const automatic = failover.automatic ?? base.automatic;
  if (failback === "manual" && failover.operator === undefined) {
    failAt(context, ["failover", "operator"], `an operator ({ delay: "5m..15m" }) to perform the manual failback`, "none");
  }
  const [minDelay, maxDelay] = base.operatorDelay.split("..").map(parseDuration);
  const operator =
    failover.operator === undefined
      ? null
      : {
          minDelayUs: failover.operator.delay?.minUs ?? minDelay,
          maxDelayUs: failover.operator.delay?.maxUs ?? maxDelay,
          errorProbability: failover.operator.errorProbability ?? base.operatorErrorProbability,
        };
  const lease = failover.lease ?? {};
  const stonith = failover.stonith ?? {};
  const fencing = failover.fencing ?? base.fencing;
  const minReplicas = failover.minReplicas ?? base.minReplicas;
  checkHonourable({ spec, nodes, context, fencing, minReplicas });
  return {
    automatic,
    quorum,
    fencing,
    failback,
    holdDownUs: failover.holdDown ?? parseDuration(base.holdDown),
    flapWindowUs: failover.flapWindow ?? parseDuration(base.flapWindow),
    maxLagOnFailoverUs: failover.maxLagOnFailover ?? parseDurationOrUnlimited(base.maxLagOnFailover),
    blockForUs: failover.blockFor ?? parseDuration(base.blockFor),
    crossZone: failover.crossZone ?? base.crossZone,
    lease: {
      ttlUs: lease.ttl ?? parseDuration(base.lease.ttl),
      renewEveryUs: lease.renewEvery ?? parseDuration(base.lease.renewEvery),
      retryTimeoutUs: lease.retryTimeout ?? parseDuration(base.lease.retryTimeout),
    },
    stonith: {
      delayUs: stonith.delay ?? parseDuration(base.stonith.delay),
      durationUs: stonith.duration ?? parseDuration(base.stonith.duration),
      timeoutUs: stonith.timeout ?? parseDuration(base.stonith.timeout),
      failureProbability: stonith.failureProbability ?? base.stonith.failureProbability,
      maxAttempts: stonith.maxAttempts ?? base.stonith.maxAttempts,
      recheckIntervalUs: stonith.recheckInterval ?? parseDuration(base.stonith.recheckInterval),
    },
    minReplicas,
    minReplicasMaxLagUs: failover.minReplicasMaxLag ?? parseDuration(base.minReplicasMaxLag),
    operator,
  };
}

/**
 * Configurations the model could run but not honour — refused here, at load, naming the field:
 * - min-replicas fencing asking for more replicas than standbys stream to the primary (hot or
 *   warm): the primary could never take a write;
 * - a lease (for lease detection or lease fencing) whose ttl is not longer than its renewal
 *   interval: it would expire between two renewals of a healthy holder.
 */
function checkHonourable(input: { spec: ParsedScenario; nodes: NodeConfig[]; context: ResolveContext; fencing: string; minReplicas: number }): void {
  const { spec, nodes, context, fencing, minReplicas } = input;
  const streaming = nodes.filter((node) => node.role === "standby" && node.readiness !== "cold").length;
  if (fencing === "min-replicas" && minReplicas > streaming) {
    const field = writtenAt(context.input, ["failover", "minReplicas"]);
    const written = valueAt(context.input, field) !== undefined;
    failAt(
      context,
      written ? field : writtenAt(context.input, ["failover", "fencing"]),
      `min-replicas fencing asking for at most as many replicas as standbys stream to the primary (hot or warm), ${streaming}: with more, the primary could never take a write`,
      `minReplicas ${minReplicas}`,
    );
  }
  const leaseUsed = fencing === "lease" || detectorKindOf(spec.detector?.kind ?? defaults.detector.kind).heardBy === "leases";
  const ttlUs = spec.failover?.lease?.ttl ?? parseDuration(defaults.failover.lease.ttl);
  const renewEveryUs = spec.failover?.lease?.renewEvery ?? parseDuration(defaults.failover.lease.renewEvery);
  if (leaseUsed && ttlUs <= renewEveryUs) {
    const field = writtenAt(context.input, ["failover", "lease", spec.failover?.lease?.ttl !== undefined ? "ttl" : "renewEvery"]);
    failAt(context, field, `a lease ttl longer than its renewEvery (${formatDuration(renewEveryUs)}): the lease would expire between two renewals of a healthy holder`, `ttl ${formatDuration(ttlUs)}`);
  }
}
