// STONITH ("shoot the other node in the head", Pacemaker's fencing): before promoting a standby,
// the controller has the fencing device power the old primary off. The device waits `delay`
// (pcmk_delay_base, to break symmetric races), takes `duration`, and an attempt fails with
// `failureProbability` (known after `timeout`); after `maxAttempts` failures on one target the
// controller stops retrying at once and tries again at the cluster recheck, `recheckInterval`
// later (stonith-max-attempts, cluster-recheck-interval). The device is fencing-device.ts.
import {
  countAtLeastOne,
  drawDuration,
  drawInt,
  drawProbability,
  duration,
  parseDuration,
  probability,
  strict,
  type Duration,
} from "../../dsl/index.ts";
import type { FencingKindModule } from "./fencing-kind.ts";

export interface StonithConfig {
  /** Wait before fencing (pcmk_delay_base); breaks symmetric fence races. */
  delayUs: number;
  /** Time the fencing device takes to power a node off. */
  durationUs: number;
  /** A fencing attempt that fails is known to have failed after this long (fencing-timeout). */
  timeoutUs: number;
  /** Probability that one attempt fails (device unreachable). */
  failureProbability: number;
  /** Failed attempts on one target before the controller stops retrying at once
   *  (stonith-max-attempts); it tries again at the next cluster recheck, or when the node fails anew. */
  maxAttempts: number;
  /** How long after giving up the controller looks again and retries (cluster-recheck-interval). */
  recheckIntervalUs: number;
}

export interface StonithSpec {
  delay?: Duration;
  duration?: Duration;
  timeout?: Duration;
  failureProbability?: number;
  maxAttempts?: number;
  recheckInterval?: Duration;
}

const fields = {
  stonith: strict(
    {
      delay: duration().optional(),
      duration: duration().optional(),
      timeout: duration({ positive: true }).optional(),
      failureProbability: probability.optional(),
      maxAttempts: countAtLeastOne.optional(),
      recheckInterval: duration({ positive: true }).optional(),
    },
    "STONITH settings",
  ).optional(),
};

/** Pacemaker: pcmk_delay_base 0 s, fencing-timeout 60 s, stonith-max-attempts 10, and
 *  cluster-recheck-interval 15 min — after max-attempts failures on a target the controller stops
 *  retrying at once and tries again at the next recheck or the next change of the cluster
 *  (ClusterLabs/pacemaker Pacemaker_Explained cluster-options.rst and fencing.rst;
 *  daemons/controld/controld_fencing.c). A power-off through the device takes a few seconds (our
 *  assumption: 5 s); devices do not fail by default. */
const defaults = {
  delay: "0s",
  duration: "5s",
  timeout: "60s",
  failureProbability: 0,
  maxAttempts: 10,
  recheckInterval: "15m",
} as const;

const sUs = 1_000_000;

const kind: FencingKindModule<
  "stonith",
  typeof fields,
  { stonith: StonithConfig },
  { stonith?: StonithSpec }
> = {
  fields,
  defaults,
  settings: ({ stonith = {} }) => ({
    stonith: {
      delayUs: stonith.delay ?? parseDuration(defaults.delay),
      durationUs: stonith.duration ?? parseDuration(defaults.duration),
      timeoutUs: stonith.timeout ?? parseDuration(defaults.timeout),
      failureProbability: stonith.failureProbability ?? defaults.failureProbability,
      maxAttempts: stonith.maxAttempts ?? defaults.maxAttempts,
      recheckIntervalUs: stonith.recheckInterval ?? parseDuration(defaults.recheckInterval),
    },
  }),
  check: () => {},
  mechanisms: {
    powersOffFirst: true,
    refusesStaleEpoch: false,
    holdsLease: false,
    needsReplicas: false,
  },
  describe: () => "fencing by stonith",
  draw: (rng) => ({
    fencing: "stonith",
    stonith: {
      delay: drawDuration(rng, 0, 2 * sUs),
      duration: drawDuration(rng, 1 * sUs, 10 * sUs),
      timeout: drawDuration(rng, 5 * sUs, 30 * sUs),
      failureProbability: rng.chance(0.5) ? 0 : drawProbability(rng, 0.1, 0.9),
      maxAttempts: drawInt(rng, 1, 5),
      recheckInterval: drawDuration(rng, 30 * sUs, 5 * 60 * sUs),
    },
  }),
  settleUs: ({ failover }) => {
    const { delayUs, durationUs, timeoutUs, failureProbability } = failover.stonith;
    return delayUs + durationUs + (failureProbability > 0 ? timeoutUs : 0);
  },
};
export default kind;
