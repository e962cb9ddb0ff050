// The φ-accrual detector as a kind (the algorithm is phi-accrual.ts): monitors send heartbeats
// each `interval`; a node is suspected once φ reaches `threshold`. Defaults are Akka / Pekko's.
import {
  countAtLeastOne,
  drawDuration,
  drawInt,
  duration,
  parseDuration,
  positiveNumber,
  spokenDuration,
  type Duration,
} from "../../dsl/index.ts";
import type { DetectorKindModule } from "./detector-kind.ts";
import { PhiAccrualDetector } from "./phi-accrual.ts";

type PhiConfig = {
  kind: "phi";
  intervalUs: number;
  threshold: number;
  minStdDevUs: number;
  acceptablePauseUs: number;
  maxSamples: number;
};

export interface PhiSpec {
  /** phi: heartbeat period from each monitor to each database node. Default "1s" (Akka). */
  interval?: Duration;
  /** phi: suspicion level. Default 8 (Akka). */
  threshold?: number;
  /** phi: lower bound of the inter-arrival standard deviation. Default "100ms" (Akka). */
  minStdDev?: Duration;
  /** phi: pause tolerated on top of the mean interval. Default "3s" (Akka acceptable-heartbeat-pause). */
  acceptablePause?: Duration;
  /** phi: inter-arrival samples kept. Default 1000 (Akka max-sample-size). */
  maxSamples?: number;
}

const fields = {
  interval: duration({ positive: true }).optional(),
  threshold: positiveNumber.optional(),
  minStdDev: duration({ positive: true }).optional(),
  acceptablePause: duration().optional(),
  maxSamples: countAtLeastOne.optional(),
};

/** Akka / Pekko cluster failure detector: heartbeat-interval 1 s, threshold 8.0,
 *  min-std-deviation 100 ms, acceptable-heartbeat-pause 3 s, max-sample-size 1000
 *  (apache/pekko cluster/src/main/resources/reference.conf). */
const defaults = {
  interval: "1s",
  threshold: 8,
  minStdDev: "100ms",
  acceptablePause: "3s",
  maxSamples: 1000,
} as const;

const msUs = 1000;
const sUs = 1_000_000;

const kind: DetectorKindModule<PhiConfig, typeof fields, PhiSpec> = {
  fields,
  defaults,
  resolve: (spec) => ({
    kind: "phi",
    intervalUs: spec.interval ?? parseDuration(defaults.interval),
    threshold: spec.threshold ?? defaults.threshold,
    minStdDevUs: spec.minStdDev ?? parseDuration(defaults.minStdDev),
    acceptablePauseUs: spec.acceptablePause ?? parseDuration(defaults.acceptablePause),
    maxSamples: spec.maxSamples ?? defaults.maxSamples,
  }),
  create: (config, _lease, startUs) =>
    new PhiAccrualDetector(
      {
        threshold: config.threshold,
        minStdDevUs: config.minStdDevUs,
        acceptablePauseUs: config.acceptablePauseUs,
        maxSamples: config.maxSamples,
        firstEstimateUs: config.intervalUs,
      },
      startUs,
    ),
  heardBy: "probes",
  describe: (config) =>
    `φ-accrual: heartbeats every ${spokenDuration(config.intervalUs)}, suspect when φ ≥ ${config.threshold}`,
  suspicion: (config, who, _one, node) =>
    `φ for ${node} at ${who} has reached ${config.threshold}: its heartbeats are overdue beyond what their history makes plausible`,
  draw: (rng) => ({
    kind: "phi",
    interval: drawDuration(rng, 0.5 * sUs, 2 * sUs),
    threshold: Math.round(rng.uniform(1, 12) * 10) / 10,
    minStdDev: drawDuration(rng, 10 * msUs, 500 * msUs),
    acceptablePause: drawDuration(rng, 0, 5 * sUs),
    maxSamples: rng.chance(0.2) ? drawInt(rng, 1, 5) : drawInt(rng, 10, 1000),
  }),
  // With regular probes σ is minStdDev, and φ = t is reached fewer than t + 2 σ late.
  detectionUs: (config) =>
    config.intervalUs + config.acceptablePauseUs + (config.threshold + 2) * config.minStdDevUs,
};
export default kind;
