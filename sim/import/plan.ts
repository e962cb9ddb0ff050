// A scenario to be written, as a configuration reader describes it: the cluster, the policy (a
// preset and the fields the configuration overrides), the default fault, what the system's
// documented mechanics predict, and what of the file was not used. Every value carries its
// origin — the config line it came from, or the assumption made in its place — which the
// writer (scenario-text.ts) turns into a comment beside it. Plain data; no I/O.
import type { PresetName, Role } from "./dsl.ts";

/** Where a value came from. */
export type Origin =
  /** A line of the configuration, quoted as written. */
  | { line: number; text: string }
  /** Not in the configuration: the system's documented default or our assumption, and why. */
  | { assumed: string }
  /** Derived or explained: a free comment. */
  | { note: string };

/** A value of the scenario with its origin (null: no comment). */
export interface Cited {
  value: string | number | boolean;
  origin: Origin | null;
}

/** Nested scenario fields, each leaf cited: `{ failover: { lease: { ttl: cited("20s", …) } } }`. */
export interface Fields {
  [key: string]: Cited | Fields;
}

/** Something in the file that the scenario does not carry: not modelled yet, or ignored. */
export interface Remark {
  /** The key, directive or section, as the file names it. */
  subject: string;
  line: number | null;
  /** Why it is left out (and, for a mechanism, what it would do). */
  detail: string;
}

export interface PlanNode {
  name: string;
  role: Role;
  zone: string;
  origin: Origin | null;
}

export interface ScenarioPlan {
  /** The system, for the header: "Patroni". */
  system: string;
  /** The configuration file's base name. */
  source: string;
  name: string;
  summary: string;
  /** Paragraphs on how the system maps onto the model. */
  about: string[];
  nodes: PlanNode[];
  /** `policy: presets.<preset>(overrides)`, or null when the scenario has no preset. */
  policy: { preset: PresetName; overrides: Fields } | null;
  /** The scenario's own fields besides nodes and policy (failover, clients, …). */
  fields: Fields;
  durationUs: number;
  fault: PlanFault;
  /** Paragraphs on the fault and what the documented mechanics predict for it. */
  story: string[];
  expect: Fields;
  notModelled: Remark[];
  ignored: Remark[];
}

export function fromLine(value: Cited["value"], line: number, text: string): Cited {
  return { value, origin: { line, text: text.trim() } };
}

export function assumed(value: Cited["value"], why: string): Cited {
  return { value, origin: { assumed: why } };
}

export function noted(value: Cited["value"], note: string): Cited {
  return { value, origin: { note } };
}

export function plain(value: Cited["value"]): Cited {
  return { value, origin: null };
}

/** A leaf (a cited value) rather than a nested object of fields. */
export function isCited(entry: Cited | Fields): entry is Cited {
  return "origin" in entry && "value" in entry && typeof entry.value !== "object";
}

/** The default fault: `node` crashes at a moment each seed draws from [fromUs, toUs] (one round
 *  of the detector's clock); `atUs`, the middle, is the average case the comments tell. */
export interface PlanFault {
  node: string;
  atUs: number;
  fromUs: number;
  toUs: number;
}
