// The registry of failure detectors: one factory per kind. The kind names a scenario may use come
// from this map (scenario/choices.ts), so a new detector is one file plus one entry here.
// "lease" detection is a timeout on lease renewals: a node is suspected when its lease has
// expired, `ttl` after its last renewal reached the monitor (Patroni's leader key).
import type { DetectorConfig, LeaseConfig } from "../config.ts";
import { ConsecutiveDetector } from "./consecutive.ts";
import type { FailureDetector } from "./detector.ts";
import { PhiAccrualDetector } from "./phi-accrual.ts";
import { TimeoutDetector } from "./timeout.ts";

type Factory<K extends DetectorConfig["kind"]> = (config: Extract<DetectorConfig, { kind: K }>, lease: LeaseConfig, startUs: number) => FailureDetector;

export const detectorFactories: { [K in DetectorConfig["kind"]]: Factory<K> } = {
  timeout: (config, _lease, startUs) => new TimeoutDetector(config.timeoutUs, startUs),
  consecutive: (config) => new ConsecutiveDetector(config.probeTimeoutUs, config.failures, config.successes),
  phi: (config, _lease, startUs) =>
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
  lease: (_config, lease, startUs) => new TimeoutDetector(lease.ttlUs, startUs),
};

export const detectorKinds = Object.keys(detectorFactories) as DetectorConfig["kind"][];

export function createDetector(config: DetectorConfig, lease: LeaseConfig, startUs: number): FailureDetector {
  const factory = detectorFactories[config.kind] as Factory<DetectorConfig["kind"]>;
  return factory(config, lease, startUs);
}

export type { FailureDetector } from "./detector.ts";
export { phiOf, silenceYForThreshold, PhiAccrualDetector } from "./phi-accrual.ts";
export { ConsecutiveDetector } from "./consecutive.ts";
export { TimeoutDetector } from "./timeout.ts";
