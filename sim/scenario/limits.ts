// The limits of a run, in one registry: how big a scenario may be (nodes, monitors, client
// groups, connections, faults), how many events it may take and hold pending, how much memory it
// may need, and — for the CLI — how long it may run and how long its module may take to load.
// Each has a default a laptop survives, a flag that raises it, and a check: the counts are
// checked on the scenario as written before anything is parsed (a million faults is refused in
// a millisecond), chaos before its faults are drawn, and the rest on the resolved world before
// the run starts, from estimates of its events and memory (limit-estimates.ts). The engine
// enforces events and pending during the run. A limit reached is bad input (exit 2) whose
// message names the limit, its value and the flag that raises it.
// The defaults, measured on a 2-core machine with Node 20 (4.3 GB heap limit):
// - nodes 1000, monitors 100: monitors exchange messages with each other, so their cost grows
//   with their square (100 monitors: 0.64 M events per simulated minute);
// - client groups 200: each keeps its own per-second series (about 0.9 MB per group);
// - connections 1 M in all: about 100 bytes each;
// - faults 100,000 (scheduled and drawn): about 1 kB each with their trace events;
// - events 10⁸: about 30–45 s at the benchmark's 2.3–3.1 M events/s; every shipped scenario
//   stays below but the benchmark's busy day (3·10⁸, run with --max-events 2e9);
// - pending 5 M events: about 130 bytes each;
// - memory: three quarters of this process's heap limit (Node's --max-old-space-size);
// - wall time: none (a run the estimates let through is one the user asked for);
// - module load: 10 s (a scenario file computes its fields; none of ours takes 0.1 s).
import { getHeapStatistics } from "node:v8";
// The module itself, not the engine barrel: the command line loads these limits at start-up,
// and the barrel brings the random streams (seedrandom) with it.
import { defaultRunLimits } from "../engine/simulation.ts";
import { groupThousands } from "../dsl/spoken.ts";

export interface Limits {
  maxNodes: number;
  maxMonitors: number;
  maxClientGroups: number;
  maxConnections: number;
  maxFaults: number;
  maxEvents: number;
  maxPending: number;
  /** Megabytes of memory a run may be estimated to need. */
  maxMemoryMb: number;
}

/** How a limit's value is written on the command line. */
export type LimitKind = "count" | "megabytes" | "duration";

export interface LimitSpec {
  flag: string;
  kind: LimitKind;
  /** What is limited, to follow "the limit on …". */
  what: string;
}

export const limitSpecs = {
  maxNodes: { flag: "--max-nodes", kind: "count", what: "nodes" },
  maxMonitors: { flag: "--max-monitors", kind: "count", what: "monitors" },
  maxClientGroups: { flag: "--max-client-groups", kind: "count", what: "client groups" },
  maxConnections: {
    flag: "--max-connections",
    kind: "count",
    what: "client connections (all groups together)",
  },
  maxFaults: {
    flag: "--max-scheduled-faults",
    kind: "count",
    what: "faults (scheduled and drawn by chaos)",
  },
  maxEvents: { flag: "--max-events", kind: "count", what: "events a run may process" },
  maxPending: { flag: "--max-pending", kind: "count", what: "events pending at once" },
  maxMemoryMb: { flag: "--max-memory", kind: "megabytes", what: "memory a run may hold" },
} as const satisfies Record<keyof Limits, LimitSpec>;

export type LimitName = keyof Limits;

export const defaultLimits: Readonly<Limits> = {
  maxNodes: 1000,
  maxMonitors: 100,
  maxClientGroups: 200,
  maxConnections: 1_000_000,
  maxFaults: 100_000,
  maxEvents: defaultRunLimits.maxEvents,
  maxPending: defaultRunLimits.maxPending,
  maxMemoryMb: Math.floor((getHeapStatistics().heap_size_limit * 0.75) / 1e6),
};

/** The limits the CLI keeps for itself: wall time and module load time, in µs (0: none). */
export const cliLimitSpecs = {
  maxWall: { flag: "--max-wall", kind: "duration", what: "wall-clock time of a run" },
  maxLoad: { flag: "--max-load", kind: "duration", what: "time to load the scenario module" },
} as const satisfies Record<string, LimitSpec>;

export const defaultCliLimitsUs = { maxWall: 0, maxLoad: 10_000_000 } as const;

export function withDefaults(limits: Partial<Limits> | undefined): Limits {
  return { ...defaultLimits, ...limits };
}

/** "the limit of 1,000 nodes (raise it with --max-nodes N)" — the tail of every limit message. */
export function limitText(name: LimitName, value: number): string {
  const spec = limitSpecs[name];
  if (spec.kind === "megabytes") {
    return `the limit of ${formatCount(value)} MB on ${spec.what} (raise it with ${spec.flag} N, and Node's own heap with NODE_OPTIONS=--max-old-space-size=N)`;
  }
  return `the limit of ${formatCount(value)} on ${spec.what} (raise it with ${spec.flag} N)`;
}

export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e12) return value.toExponential(1).replace("e+", "e");
  return groupThousands(Math.round(value));
}
