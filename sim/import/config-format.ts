// What a configuration format is to `sim import`: a system, a way to recognise its files by
// content, and a reader that turns one into a ScenarioPlan (or an ImportError naming every bad
// line). Each format is one module (formats/*.ts) exporting one such object; the registry
// (formats.ts) lists them.
import type { ScenarioPlan } from "./plan.ts";

/** A configuration file: its base name (messages and comments cite it) and its text. */
export interface ConfigFile {
  name: string;
  text: string;
}

export interface ImportOptions {
  /** The scenario's name. */
  name: string;
  /** Redis Sentinel: how many Sentinels run (each has its own file). */
  sentinels?: number;
}

export interface ConfigFormat {
  /** The system, as the header and messages name it: "Patroni". */
  system: string;
  /** What a file of this format looks like, for the message when no format is recognised. */
  looksLike: string;
  /** Whether the text looks like this format (by content; no parsing needed). */
  recognises(text: string): boolean;
  /** The scenario the configuration describes; throws an ImportError with every problem. */
  read(file: ConfigFile, options: ImportOptions): ScenarioPlan;
}
