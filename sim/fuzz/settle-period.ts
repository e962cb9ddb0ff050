// The settle period of the liveness invariant (recovers-after-faults): how long after the last
// fault ends the cluster is given before every write must be acknowledged again. It is a bound
// built from the scenario's own policy, term by term, so a slow policy is not blamed for being
// slow, only for not recovering:
//   detection  the time the detector needs to suspect a silent node, its kind's own bound
//              (model/detectors/<kind>.ts, detectionUs) with the widest round spacing its
//              intervalJitter allows (interval · (1 + j)) — timeout: timeout + interval;
//              consecutive: (failures + successes) · interval + probeTimeout; φ: interval +
//              acceptablePause + (threshold + 2) · minStdDev; lease: ttl + renewEvery
//   fencing    its kind's own bound (model/fencing/<kind>.ts, settleUs) — stonith: delay +
//              duration (+ timeout when an attempt can fail); lease: renewEvery + retryTimeout;
//              min-replicas: minReplicasMaxLag + statusInterval
//   promotion  the slowest standby: hot applyDelay + promoteIn + warmUp; warm applyEvery + its
//              backlog at applyRate + promoteIn + warmUp; cold bootIn + restoreIn + a replay of
//              min(backupEvery, duration) of writes at applyRate + promoteIn + warmUp
//   replication  statusInterval, plus semiSyncTimeout under semi-sync
//   rejoin     the longest a deposed primary stays out before it follows, its rejoin mode's own
//              bound (model/rejoin/<mode>.ts, settleUs) — standby 0; rewind rewindIn; rebuild
//              the longest restoreIn; manual the operator's longest delay (a synchronous primary
//              waits for it as for any standby)
//   clients    the slowest group: timeout · (retries + 1) + the backoffs + reconnectIn + its
//              routing's own term (model/routing/<kind>.ts: a DNS ttl)
//   margin     10 s
// `--settle` replaces the whole sum.
import {
  detectorKindOf,
  fencingKindOf,
  rejoinKindOf,
  routingKindOf,
  widestRoundUs,
  type NodeConfig,
  type WorldConfig,
} from "../model/index.ts";
import { fuzzDefaults } from "./fuzz-defaults.ts";

export interface SettleTerms {
  detectionUs: number;
  fencingUs: number;
  promotionUs: number;
  replicationUs: number;
  rejoinUs: number;
  clientsUs: number;
  marginUs: number;
}

export function settleTerms(world: WorldConfig): SettleTerms {
  const writesPerS = world.clients.reduce((sum, client) => sum + client.writesPerSecond, 0);
  return {
    detectionUs: detectorKindOf(world.detector.kind).detectionUs(
      {
        ...world.detector,
        intervalUs: widestRoundUs(world.detector.intervalUs, world.detector.intervalJitter),
      },
      world.failover,
    ),
    fencingUs: fencingKindOf(world.failover.fencing).settleUs({
      failover: world.failover,
      statusIntervalUs: world.replication.statusIntervalUs,
    }),
    promotionUs: Math.max(
      0,
      ...world.nodes
        .filter((node) => node.role === "standby")
        .map((node) =>
          promotionUs(node, writesPerS, world.durationUs, world.replication.applyDelayUs),
        ),
    ),
    replicationUs:
      world.replication.statusIntervalUs +
      (world.replication.mode === "semi-sync" ? world.replication.semiSyncTimeoutUs : 0),
    rejoinUs: rejoinKindOf(world.failover.rejoin).settleUs(
      {
        restoreInUs: Math.max(0, ...dataNodes(world).map((node) => node.restoreInUs)),
        operator: world.failover.operator,
      },
      world.failover,
    ),
    clientsUs: Math.max(
      0,
      ...world.clients.map((client) => {
        const backoffsUs = client.backoffUs * (2 ** client.retries - 1);
        const routingUs = routingKindOf(client.routing.kind).settleUs(client.routing);
        return (
          client.timeoutUs * (client.retries + 1) + backoffsUs + client.reconnectUs + routingUs
        );
      }),
    ),
    marginUs: fuzzDefaults.settleMarginUs,
  };
}

function dataNodes(world: WorldConfig): NodeConfig[] {
  return world.nodes.filter((node) => node.role === "primary" || node.role === "standby");
}

export function settlePeriodUs(world: WorldConfig): number {
  const terms = settleTerms(world);
  return Math.round(Object.values(terms).reduce((sum, us) => sum + us, 0));
}

function promotionUs(
  node: NodeConfig,
  writesPerS: number,
  durationUs: number,
  applyDelayUs: number,
): number {
  const replayUs = (spanUs: number) =>
    Number.isFinite(node.applyRatePerS) ? (spanUs * writesPerS) / node.applyRatePerS : 0;
  const common = node.promoteInUs + node.warmUpUs;
  switch (node.readiness) {
    case "hot":
      return applyDelayUs + common;
    case "warm":
      return node.applyEveryUs + replayUs(node.applyEveryUs) + common;
    case "cold":
      return (
        node.bootInUs +
        node.restoreInUs +
        replayUs(Math.min(node.backupEveryUs, durationUs)) +
        common
      );
    default: {
      const unknown: never = node.readiness;
      throw new Error(`unknown readiness ${String(unknown)}`);
    }
  }
}
