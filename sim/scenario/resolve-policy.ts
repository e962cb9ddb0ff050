// The failure detector and the failover policy of a scenario, with defaults: the detector by its
// kind's module (model/detectors/<kind>.ts; fields of other kinds are ignored, so one scenario can
// be swept across kinds), the policy's from defaults.failover and each fencing kind's own
// settings from its module (model/fencing/<kind>.ts), each failback policy's and rejoin mode's
// likewise. Cross-field rules: the quorum counts monitors and witnesses, a manual failback or
// rejoin needs an operator, each fencing kind checks what it could not honour, and a lease in
// use must outlive its renewal interval.
import {
  detectorKindOf,
  failbackKindOf,
  failbackSettings,
  fencingKindOf,
  fencingMechanisms,
  fencingSettings,
  intervalJitterDefault,
  rejoinKindOf,
  rejoinSettings,
  type DetectorConfig,
  type FailoverConfig,
  type Fencing,
  type NodeConfig,
} from "../model/index.ts";
import { defaults } from "./defaults.ts";
import {
  formatDuration,
  parseDuration,
  parseDurationOrUnlimited,
  failAt,
  valueAt,
  type ResolveContext,
} from "../dsl/index.ts";
import { writtenAt } from "./policy.ts";
import type { ParsedScenario } from "./schema.ts";

export function resolveDetector(spec: ParsedScenario): DetectorConfig {
  const detector = spec.detector ?? {};
  return {
    ...detectorKindOf(detector.kind ?? defaults.detector.kind).resolve(detector),
    intervalJitter: detector.intervalJitter ?? intervalJitterDefault,
  } as DetectorConfig;
}

export function resolveFailover(
  spec: ParsedScenario,
  nodes: NodeConfig[],
  context: ResolveContext,
): FailoverConfig {
  const failover = spec.failover ?? {};
  const base = defaults.failover;
  const voters = nodes.filter((node) => node.role === "monitor" || node.role === "witness").length;
  const quorum = failover.quorum ?? base.quorum;
  // A pool of servers alone has no monitor, and nothing to fail over: the default quorum stands unused.
  if (quorum > voters && (voters > 0 || failover.quorum !== undefined))
    failAt(
      context,
      writtenAt(context.input, ["failover", "quorum"]),
      `a whole number from 1 to ${voters} (the number of monitors and witnesses)`,
      String(quorum),
    );
  const failback = failover.failback ?? base.failback;
  const automatic = failover.automatic ?? base.automatic;
  failbackKindOf(failback).check({ context, hasOperator: failover.operator !== undefined });
  const rejoin = failover.rejoin ?? base.rejoin;
  rejoinKindOf(rejoin).check({ context, hasOperator: failover.operator !== undefined });
  const lease = failover.lease ?? {};
  const fencing = failover.fencing ?? base.fencing;
  const settings = fencingSettings(failover);
  const streamingStandbys = nodes.filter(
    (node) => node.role === "standby" && node.readiness !== "cold",
  ).length;
  fencingKindOf(fencing).check(settings, {
    context,
    streamingStandbys,
    writtenAt: (path) => writtenAt(context.input, path),
    isWritten: (path) => valueAt(context.input, path) !== undefined,
  });
  checkLease(spec, context, fencing);
  return {
    automatic,
    quorum,
    fencing,
    failback,
    ...failbackSettings(failover),
    rejoin,
    ...rejoinSettings(failover),
    flapWindowUs: failover.flapWindow ?? parseDuration(base.flapWindow),
    maxLagOnFailoverUs:
      failover.maxLagOnFailover ?? parseDurationOrUnlimited(base.maxLagOnFailover),
    blockForUs: failover.blockFor ?? parseDuration(base.blockFor),
    crossZone: failover.crossZone ?? base.crossZone,
    uncleanElection: failover.uncleanElection ?? base.uncleanElection,
    lease: {
      ttlUs: lease.ttl ?? parseDuration(base.lease.ttl),
      renewEveryUs: lease.renewEvery ?? parseDuration(base.lease.renewEvery),
      retryTimeoutUs: lease.retryTimeout ?? parseDuration(base.lease.retryTimeout),
    },
    ...settings,
    operator: resolveOperator(failover.operator),
  };
}

/** The operator for manual failover and failback, defaults filled in; null for nobody. */
function resolveOperator(
  operator: NonNullable<ParsedScenario["failover"]>["operator"],
): FailoverConfig["operator"] {
  if (operator === undefined) return null;
  const base = defaults.failover;
  const [minDelay, maxDelay] = base.operatorDelay.split("..").map(parseDuration);
  return {
    minDelayUs: operator.delay?.minUs ?? minDelay,
    maxDelayUs: operator.delay?.maxUs ?? maxDelay,
    errorProbability: operator.errorProbability ?? base.operatorErrorProbability,
  };
}

/**
 * A lease (for lease detection or lease fencing) whose ttl is not longer than its renewal
 * interval would expire between two renewals of a healthy holder: refused at load, naming the
 * field. (Each fencing kind checks its own settings: fencing/<kind>.ts.)
 */
function checkLease(spec: ParsedScenario, context: ResolveContext, fencing: Fencing): void {
  const leaseUsed =
    fencingMechanisms(fencing).holdsLease ||
    detectorKindOf(spec.detector?.kind ?? defaults.detector.kind).heardBy === "leases";
  const ttlUs = spec.failover?.lease?.ttl ?? parseDuration(defaults.failover.lease.ttl);
  const renewEveryUs =
    spec.failover?.lease?.renewEvery ?? parseDuration(defaults.failover.lease.renewEvery);
  if (leaseUsed && ttlUs <= renewEveryUs) {
    const field = writtenAt(context.input, [
      "failover",
      "lease",
      spec.failover?.lease?.ttl !== undefined ? "ttl" : "renewEvery",
    ]);
    failAt(
      context,
      field,
      `a lease ttl longer than its renewEvery (${formatDuration(renewEveryUs)}): the lease would expire between two renewals of a healthy holder`,
      `ttl ${formatDuration(ttlUs)}`,
    );
  }
}
