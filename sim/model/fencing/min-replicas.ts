// min-replicas fencing (Redis min-replicas-to-write / min-replicas-max-lag): a primary refuses
// writes unless `minReplicas` replicas have reported within `minReplicasMaxLag`, so a primary cut
// off from its replicas stops taking writes by itself. Refused at load: asking for more replicas
// than standbys stream to the primary (hot or warm) — the primary could never take a write.
import {
  countAtLeastOne,
  drawDuration,
  drawInt,
  duration,
  failAt,
  parseDuration,
  type Duration,
} from "../../dsl/index.ts";
import type { FencingKindModule } from "./fencing-kind.ts";

export interface MinReplicasSpec {
  /** min-replicas fencing: replicas that must have reported within `minReplicasMaxLag`. Default 1 (Redis). */
  minReplicas?: number;
  /** Default "10s" (Redis min-replicas-max-lag). */
  minReplicasMaxLag?: Duration;
}

const fields = {
  minReplicas: countAtLeastOne.optional(),
  minReplicasMaxLag: duration({ positive: true }).optional(),
};

/** Redis min-replicas-to-write (when min-replicas fencing is chosen) 1, min-replicas-max-lag 10 s (redis.conf). */
const defaults = { minReplicas: 1, minReplicasMaxLag: "10s" } as const;

const sUs = 1_000_000;

const kind: FencingKindModule<
  "min-replicas",
  typeof fields,
  { minReplicas: number; minReplicasMaxLagUs: number },
  MinReplicasSpec
> = {
  fields,
  defaults,
  settings: (failover) => ({
    minReplicas: failover.minReplicas ?? defaults.minReplicas,
    minReplicasMaxLagUs: failover.minReplicasMaxLag ?? parseDuration(defaults.minReplicasMaxLag),
  }),
  check: ({ minReplicas }, site) => {
    const streaming = site.streamingStandbys;
    if (minReplicas <= streaming) return;
    const field = site.writtenAt(["failover", "minReplicas"]);
    failAt(
      site.context,
      site.isWritten(field) ? field : site.writtenAt(["failover", "fencing"]),
      `min-replicas fencing asking for at most as many replicas as standbys stream to the primary (hot or warm), ${streaming}: with more, the primary could never take a write`,
      `minReplicas ${minReplicas}`,
    );
  },
  mechanisms: {
    powersOffFirst: false,
    refusesStaleEpoch: false,
    holdsLease: false,
    needsReplicas: true,
  },
  describe: () => "fencing by min-replicas",
  draw: (rng, { streamingStandbys }) => ({
    fencing: "min-replicas",
    minReplicas: drawInt(rng, 1, Math.max(1, streamingStandbys)),
    minReplicasMaxLag: drawDuration(rng, 2 * sUs, 20 * sUs),
  }),
  settleUs: ({ failover, statusIntervalUs }) => failover.minReplicasMaxLagUs + statusIntervalUs,
};
export default kind;
