// What a detector kind is: one module holding every facet of it, so that a kind lives in one file
// (detectors/<kind>.ts, its algorithm beside it or in a file of its own) and the registry
// (detectors/index.ts) is the only list. The facets:
//   DSL        its settings as scenario fields (zod, each optional) and their defaults, each
//              with its unit and source;
//   resolve    those fields made the model's config, defaults filled in;
//   model      the failure detector a monitor runs per node, and how nodes are heard — probed by
//              the monitors, or renewing a lease with them;
//   describe   its setting in `sim explain` and why it suspects a node;
//   fuzz       how the swarm draws its settings, and the time it needs to suspect a silent node
//              (the settle period's detection term).
// Every facet is required: a kind that leaves one out does not compile.
import type * as z from "zod";
import type { Rng } from "../../engine/index.ts";
import type { FailoverConfig, LeaseConfig } from "../config.ts";
import type { FailureDetector } from "./detector.ts";

/** A detector's resolved config: its kind, how often monitors look, and its own settings (µs). */
export interface DetectorData {
  readonly kind: string;
  readonly intervalUs: number;
}

export interface DetectorKindModule<
  Config extends DetectorData,
  Fields extends z.ZodRawShape,
  Spec extends object,
> {
  /** Its settings in a scenario's `detector` (every kind's fields share one object; fields of
   *  other kinds are ignored, so a scenario can be swept across kinds). */
  readonly fields: Fields;
  /** Its defaults in the DSL's units, each with its source where it is declared. */
  readonly defaults: Readonly<Record<string, string | number>>;
  /** Its config from the parsed `detector` fields (µs), defaults filled in. */
  resolve(spec: Partial<z.output<z.ZodObject<Fields>>>): Config;
  create(config: Config, lease: LeaseConfig, startUs: number): FailureDetector;
  /** How monitors hear a node: they probe it, or it renews a lease with them. */
  readonly heardBy: "probes" | "leases";
  /** Its setting in `sim explain`, e.g. "each monitor probes every node every 1 s and …". */
  describe(config: Config): string;
  /** Why `who` ("mon1", "mon1 and mon2"; `one` when a single monitor) suspects `node`. */
  suspicion(config: Config, who: string, one: boolean, node: string): string;
  /** Settings the swarm draws, as scenario data (durations as text). */
  draw(rng: Rng): Spec & { kind: Config["kind"] };
  /** The time it needs to suspect a node gone silent (µs): the settle period's detection term. */
  detectionUs(config: Config, failover: FailoverConfig): number;
}
