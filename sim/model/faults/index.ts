// The registry of fault kinds: one module per kind (fault-kind.ts says what a module holds), and
// this map the only list of them — the scenario schema, the fuzzer's episodes, the coverage of
// the swarm and the end-to-end matrix all come from it. Its key is the kind's one spelling, in
// scenario data, in the model, in the trace and in events.csv alike. A new kind is one file plus
// its entry here: the import, the re-export of its builders (what scenario files import) and its
// line in the map. The order is the order of messages and draws.
import type { Intersection } from "../registry-types.ts";
import blip from "./blip.ts";
import clockSkew from "./clock-skew.ts";
import crash from "./crash.ts";
import crashLoop from "./crash-loop.ts";
import degrade from "./degrade.ts";
import dnsOutage from "./dns-outage.ts";
import heal from "./heal.ts";
import isolate from "./isolate.ts";
import oneWay from "./one-way.ts";
import partition from "./partition.ts";
import pause from "./pause.ts";
import readOnly from "./read-only.ts";
import restart from "./restart.ts";
import slow from "./slow.ts";
import zoneOutage from "./zone-outage.ts";
import type { EpisodeData, EpisodeShape, EpisodeShapes, FaultKindModule } from "./fault-kind.ts";

export * from "./blip.ts";
export * from "./clock-skew.ts";
export * from "./crash.ts";
export * from "./crash-loop.ts";
export * from "./degrade.ts";
export * from "./dns-outage.ts";
export * from "./heal.ts";
export * from "./isolate.ts";
export * from "./one-way.ts";
export * from "./partition.ts";
export * from "./pause.ts";
export * from "./read-only.ts";
export * from "./restart.ts";
export * from "./slow.ts";
export * from "./zone-outage.ts";

export const faults = {
  crash,
  restart,
  partition,
  isolate,
  heal,
  blip,
  pause,
  "one-way": oneWay,
  degrade,
  slow,
  "read-only": readOnly,
  "clock-skew": clockSkew,
  "zone-outage": zoneOutage,
  "dns-outage": dnsOutage,
  "crash-loop": crashLoop,
} as const;

type Kinds = typeof faults;
export type FaultKind = keyof Kinds;

// Each module is registered under the kind its data, its DSL form and its schema carry.
faults satisfies {
  [K in FaultKind]: FaultKindModule<{ kind: K }, { kind: K }, { kind: K }, EpisodeShapes>;
};

type Facets<M> =
  M extends FaultKindModule<infer Data, infer Spec, infer Parsed, infer Episodes>
    ? { data: Data; spec: Spec; parsed: Parsed; episodes: Episodes }
    : never;
type Each<Facet extends keyof Facets<Kinds[FaultKind]>> = {
  [K in FaultKind]: Facets<Kinds[K]>[Facet];
}[FaultKind];

/** A fault as the model, the trace and every reader of the trace see it. */
export type Fault = Each<"data">;
/** A fault as a scenario file writes it (what a builder returns). */
export type FaultSpec = Each<"spec">;
/** A fault as the schema reads it (durations in µs, names not yet checked). */
export type ParsedFault = Each<"parsed">;

type Episodes = Intersection<Each<"episodes">>;
/** The ways the fuzzer draws a fault: a kind's own name, or its builders' for a kind drawn in several ways. */
export type EpisodeKind = keyof Episodes & string;
/** A drawn episode's parameters, without its time or length. */
export type EpisodeFault = {
  [K in EpisodeKind]: Episodes[K] extends EpisodeShape<infer Episode> ? Episode : never;
}[EpisodeKind];

/** Every fault kind, in registry order. */
export const faultKinds = Object.keys(faults) as FaultKind[];

/** Every episode the fuzzer can draw, by name, in registry order. */
export const episodeShapes = collectEpisodes() as unknown as {
  readonly [K in EpisodeKind]: EpisodeShape<Extract<EpisodeFault, { kind: K }>>;
};

/** Every episode kind, in registry order. */
export const episodeKinds = Object.keys(episodeShapes) as EpisodeKind[];

function collectEpisodes(): Record<string, EpisodeShape<EpisodeData>> {
  const all: Record<string, EpisodeShape<EpisodeData>> = {};
  for (const kind of faultKinds) {
    for (const [name, shape] of Object.entries(faults[kind].episodes as EpisodeShapes)) {
      if (name in all) throw new Error(`fault registry: episode ${name} is drawn by two kinds`);
      all[name] = shape;
    }
  }
  return all;
}

/** The module of a fault's kind, typed for any fault (the one cast from a kind to its module). */
export function faultKindOf(
  kind: FaultKind,
): FaultKindModule<Fault, FaultSpec, ParsedFault, EpisodeShapes> {
  return faults[kind] as unknown as FaultKindModule<Fault, FaultSpec, ParsedFault, EpisodeShapes>;
}

/** How the fuzzer draws one kind of episode, typed for any episode (the one cast from a name to its shape). */
export function episodeShapeOf(kind: EpisodeKind): EpisodeShape<EpisodeFault> {
  return episodeShapes[kind] as unknown as EpisodeShape<EpisodeFault>;
}

/** A short human label, e.g. "partition east | west" (the trace's `label`). */
export function describeFault(fault: Fault): string {
  return faultKindOf(fault.kind).label(fault);
}

/** Whether a fault disturbs the cluster (starts an incident); repairs do not. */
export function isDisruptive(fault: Fault): boolean {
  return faultKindOf(fault.kind).disruptive(fault);
}
