// What a fault kind is: one module holding every facet of it, so that a kind lives in one file
// (faults/<kind>.ts) and the registry (faults/index.ts) is the only list. The facets, in the order
// a fault lives through them:
//   DSL        its builders (exported by the kind's file) and their names, for messages;
//   schema     its form in a scenario file (zod, durations parsed to µs);
//   resolve    that form made the model's data: names checked against the scenario, µs;
//   apply      what it does to the world;
//   describe   its label in the trace and events.csv, the node a line of events.csv is about,
//              its sentence in `sim explain`, the nodes whose down/up lines repeat it;
//   judge      whether it disturbs (starts an incident), which watched nodes it reaches, what
//              repairs it, when it ends if that is known when it starts (detection_s);
//   fuzz       the episodes the fuzzer draws of it, and the source a reproducer prints.
// Every facet is required: a kind that leaves one out does not compile. A kind's data is plain
// (it is written into the trace as it is, and fingerprinted), its `kind` the registry's key.
import type * as z from "zod";
import type { Rng } from "../../engine/index.ts";
import type { Endpoints, ResolveContext } from "../../dsl/index.ts";
import type { NodeConfig } from "../config.ts";
import type { Latency } from "../latency/index.ts";
import type { Network } from "../network.ts";

/** A fault's data, as the model, the trace and every consumer of the trace see it. */
export interface FaultData {
  readonly kind: string;
}

/** A DSL value made by a builder, e.g. `{ kind: "crash", node: "db1" }`. */
export interface FaultSpecData {
  readonly kind: string;
}

/** Where a fault of the schedule is resolved: its path in the scenario, its names and its time. */
export interface FaultSite {
  readonly path: readonly PropertyKey[];
  readonly endpoints: Endpoints;
  readonly context: ResolveContext;
  /** When it is scheduled, and how long the run is (µs). */
  readonly atUs: number;
  readonly durationUs: number;
}

/** A node or monitor process as faults see it. */
export interface FaultableProcess {
  readonly index: number;
  readonly name: string;
  readonly up: boolean;
  crash(): void;
  restart(): void;
}

/** What only a database node suffers. */
export interface FaultableDataNode extends FaultableProcess {
  /** Each write is handled this late (fixed µs, or drawn per write). */
  setSlow(delay: Latency): void;
  setReadOnly(readOnly: boolean): void;
  skewClock(rate: number, jumpUs: number): void;
}

/** The DNS service as a fault acts on it (dns.ts). */
export interface FaultableDns {
  /** Resolvers cannot reach the service until recover(id) or recoverAll(); returns the id. */
  fail(): number;
  recover(id: number): void;
  recoverAll(): void;
}

/** The processes' supervisor as a fault acts on it (restart-policy.ts): it hears of every exit
 *  and start, restarts under a restart policy, and runs crash loops. */
export interface FaultableSupervisor {
  /** The process exited (a crash, not a lost machine): its restart policy applies. */
  exited(process: FaultableProcess): void;
  /** The process started again. */
  started(process: FaultableProcess): void;
  /** From now on the process exits `upForUs` after each start; if it runs, it exits now. */
  crashLoop(process: FaultableProcess, upForUs: number): void;
  endCrashLoop(process: FaultableProcess): void;
}

/** The world as a fault acts on it. */
export interface FaultTarget {
  readonly network: Network;
  readonly dns: FaultableDns;
  readonly supervisor: FaultableSupervisor;
  readonly nowUs: number;
  process(name: string): FaultableProcess;
  dataNode(name: string): FaultableDataNode;
  /** The processes (database nodes, monitors, pool servers) placed in a zone. */
  processesIn(zone: string): FaultableProcess[];
  /** Remembers a crash, so that messages still queued on the crashed node's links die with it. */
  crashed(process: FaultableProcess): void;
  /** Freezes the process: events meant for it wait until the pause ends. */
  paused(process: FaultableProcess, durationUs: number): void;
  /** Runs `step` after `delayUs`: a fault that ends by itself, a flaky link's next toggle. */
  later(delayUs: number, step: () => void): void;
  nextCutId(): number;
}

/** What a fault's sentence may say of the world. */
export interface ExplainWorld {
  readonly nodes: readonly NodeConfig[];
}

/** Who watches whom, for a fault's reach (metrics/incident-reach.ts builds it from the world). */
export interface Topology {
  /** For each watched node, who watches it: monitor and witness names, or client group names. */
  readonly watchersOf: ReadonlyMap<string, readonly string[]>;
  /** Endpoints by zone. */
  readonly zones: ReadonlyMap<string, readonly string[]>;
}

/** A trace event as a repair is judged on it: a process up or resumed, or another fault. */
export interface RepairingEvent {
  readonly kind: string;
  readonly node?: string;
  readonly fault?: FaultData;
}

/** The names a drawn fault may target: a scenario's own. */
export interface DrawSpace {
  /** Every node: databases, monitors, witnesses, pool servers. */
  readonly nodes: readonly string[];
  /** Primary and standbys. */
  readonly dataNodes: readonly string[];
  readonly clients: readonly string[];
  /** Distinct zones, in declaration order. */
  readonly zones: readonly string[];
}

/** One way the fuzzer draws a fault: its parameters, without a time or a length. */
export interface EpisodeData {
  readonly kind: string;
}

/** How the fuzzer draws, schedules and shrinks one kind of episode. */
export interface EpisodeShape<Episode extends EpisodeData> {
  /** Whether the cluster has what it acts on. */
  offered(space: DrawSpace): boolean;
  /** Its parameters, drawn from `rng` in a fixed order. */
  draw(rng: Rng, space: DrawSpace): Episode;
  /** Whether its end is a separate fault entry (a restart, a heal), which a shrinker may drop. */
  readonly repairable: boolean;
  /** The scenario entries it makes, lasting `lengthUs`: its start, and its repair if repairable. */
  entries(
    episode: Episode,
    lengthUs: number,
  ): { start: FaultSpecData; repair: FaultSpecData | null };
  /** Every name it mentions (a shrinker dropping a node drops the episodes that name it). */
  names(episode: Episode): readonly string[];
  /** For a cut of the network: the sides a self-healing blip of the same length would cut, so
   *  the shrinker can put one entry in place of the cut and its heal. Absent for any other kind. */
  blipGroups?(episode: Episode, space: DrawSpace): string[][];
}

/** A kind's episodes by name. */
export type EpisodeShapes = { readonly [name: string]: EpisodeShape<EpisodeData> };

export interface FaultKindModule<
  Data extends FaultData,
  Spec extends FaultSpecData,
  Parsed extends FaultSpecData,
  Episodes extends EpisodeShapes,
> {
  /** The builders that make it, as messages list them: "readOnly()", "writable()". */
  readonly builders: readonly string[];
  readonly schema: z.ZodType<Parsed>;
  /** Throws a ScenarioError (failAt) naming the field when a name or a time does not fit. */
  resolve(spec: Parsed, site: FaultSite): Data;
  apply(fault: Data, world: FaultTarget): void;
  /** A short human label, e.g. "partition east | west" (the trace's `label`). */
  label(fault: Data): string;
  /** The node a line of events.csv is about when it names a single one; "" otherwise. */
  node(fault: Data): string;
  explain(fault: Data, label: string, world: ExplainWorld): string;
  /** Nodes it stops or starts by name, "down" or "up" for every node of a zone: their own down
   *  and up lines in `sim explain` would repeat it. */
  startsOrStops(fault: Data): readonly string[];
  /** Whether it disturbs the cluster (starts an incident); a repair does not. */
  disruptive(fault: Data): boolean;
  /** The watched nodes it reaches: a lost probe and a lost reply look alike to a watcher. */
  reach(fault: Data, topology: Topology): Set<string>;
  /** Whether `event` ends it before its known end. */
  repairedBy(event: RepairingEvent, fault: Data): boolean;
  /** When it is over if that is known when it starts (Infinity: at a later event). */
  knownEndUs(fault: Data, startUs: number): number;
  /** The TypeScript that makes it in a scenario file: `crash("db1")`. */
  source(spec: Spec): string;
  /** The episodes the fuzzer draws of it, by name (the kind's own, or its builders' for a kind
   *  drawn in several ways); {} for a kind only drawn as another's repair. */
  readonly episodes: Episodes;
}
