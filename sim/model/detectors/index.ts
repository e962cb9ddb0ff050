// The registry of detector kinds: one module per kind (detector-kind.ts says what a module holds),
// and this map the only list of them — the scenario's `detector` fields and choices, the swarm's
// draws and the end-to-end matrix come from it. A new detector is one file plus its entry here
// (the import and its line in the map). The order is the order of choices and of the fields in
// messages.
import type { Intersection } from "../registry-types.ts";
import type * as z from "zod";
import consecutive from "./consecutive.ts";
import type { DetectorKindModule } from "./detector-kind.ts";
import type { FailureDetector } from "./detector.ts";
import lease from "./lease.ts";
import phi from "./phi.ts";
import timeout from "./timeout.ts";
import type { LeaseConfig } from "../config.ts";
import type { RoundTiming, RoundTimingSpec } from "./rounds.ts";

export const detectors = { timeout, consecutive, phi, lease } as const;

type Kinds = typeof detectors;
export type DetectorKind = keyof Kinds;

// Each module is registered under the kind its config carries.
detectors satisfies {
  [K in DetectorKind]: DetectorKindModule<{ kind: K; intervalUs: number }, z.ZodRawShape, object>;
};

type Facets<M> =
  M extends DetectorKindModule<infer Config, infer Fields, infer Spec>
    ? { config: Config; fields: Fields; spec: Spec }
    : never;
type Each<Facet extends keyof Facets<Kinds[DetectorKind]>> = {
  [K in DetectorKind]: Facets<Kinds[K]>[Facet];
}[DetectorKind];

/** How monitors decide that a node has failed: one kind's resolved settings (µs), and how their
 *  rounds are spaced (rounds.ts). */
export type DetectorConfig = Each<"config"> & RoundTiming;
/** A scenario's `detector`: a kind, every kind's settings (those of other kinds are ignored),
 *  and the spacing of the monitors' rounds. */
export type DetectorSpec = { kind?: DetectorKind } & RoundTimingSpec & Intersection<Each<"spec">>;
/** Every kind's fields, merged: the schema of a scenario's `detector` besides its kind. */
export type DetectorFields = Intersection<Each<"fields">>;

/** Every detector kind, in registry order. */
export const detectorKinds = Object.keys(detectors) as [DetectorKind, ...DetectorKind[]];

/** Every kind's fields in one shape, in registry order (a field several kinds share comes once). */
export const detectorFields = Object.assign(
  {},
  ...detectorKinds.map((kind) => detectors[kind].fields),
) as DetectorFields;

/** One kind's own settings, without the rounds' timing. */
type KindConfig = Each<"config">;

/** The module of a kind, typed for any detector config (the one cast from a kind to its module). */
export function detectorKindOf(
  kind: DetectorKind,
): DetectorKindModule<KindConfig, DetectorFields, DetectorSpec> {
  return detectors[kind] as unknown as DetectorKindModule<KindConfig, DetectorFields, DetectorSpec>;
}

export function createDetector(
  config: DetectorConfig,
  lease: LeaseConfig,
  startUs: number,
): FailureDetector {
  return detectorKindOf(config.kind).create(config, lease, startUs);
}

export type { FailureDetector } from "./detector.ts";
export {
  intervalJitterDefault,
  intervalJitterSchema,
  roundSpacingUs,
  widestRoundUs,
} from "./rounds.ts";
export type { RoundTiming } from "./rounds.ts";
export { phiOf, silenceYForThreshold, PhiAccrualDetector } from "./phi-accrual.ts";
export { ConsecutiveDetector } from "./consecutive.ts";
export { TimeoutDetector } from "./timeout.ts";
