// YAML configurations (Patroni, Kubernetes manifests) read with the `yaml` package, keeping the
// line of every key so that each value can cite it and each problem can name it. A syntax error
// is a problem on its line (the first one per line: later ones are usually its echo). Values are
// read as the system reading them would: Patroni's Python turns "30" into 30 and takes on/off as
// booleans (PyYAML is YAML 1.1), Kubernetes' API takes integers only.
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from "yaml";
import type { ProblemList } from "./import-error.ts";

export interface YamlFile {
  documents: Document.Parsed[];
  /** The text of a line (1-based), for citing it. */
  lineText(line: number): string;
  /** The line (1-based) of an offset in the text. */
  lineOf(offset: number): number;
}

/** A key of a mapping, where it is, and its value. */
export interface YamlEntry {
  key: string;
  line: number;
  value: Node | null;
}

export function parseYaml(text: string, problems: ProblemList): YamlFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const documents = Array.isArray(parsed) ? parsed : [];
  const lines = text.split(/\r?\n/);
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const reported = new Set<number>();
  for (const document of documents) {
    for (const error of document.errors) {
      const line = lineOf(error.pos[0]);
      if (reported.has(line)) continue;
      reported.add(line);
      problems.add(
        line,
        null,
        `expected valid YAML: ${error.message.split("\n")[0].replace(/\.$/, "")}`,
      );
    }
  }
  return { documents, lineText: (line) => lines[line - 1] ?? "", lineOf };
}

/** The entries of a mapping node in order, or null when the node is not a mapping. */
export function mapEntries(node: unknown, file: YamlFile): YamlEntry[] | null {
  if (!isMap(node)) return null;
  return node.items.flatMap((pair) => {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode)) return [];
    const line = file.lineOf(keyNode.range?.[0] ?? 0);
    return [{ key: String(keyNode.value), line, value: (pair.value as Node | null) ?? null }];
  });
}

/** The items of a sequence node (none when the node is not a sequence). */
export function seqItems(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

/** The entries of a mapping as a map by key. */
export function entriesByKey(entries: readonly YamlEntry[]): Map<string, YamlEntry> {
  return new Map(entries.map((entry) => [entry.key, entry]));
}

/** A scalar's value, or undefined for a collection, an alias or nothing. */
export function scalarOf(entry: YamlEntry): unknown {
  return isScalar(entry.value) ? entry.value.value : undefined;
}

/** How a YAML value shows in a message. */
export function shown(entry: YamlEntry): string {
  const value = scalarOf(entry);
  if (value === undefined) return entry.value === null ? "nothing" : "a list or a mapping";
  return value === null ? "null" : JSON.stringify(value);
}

export interface IntegerRule {
  min: number;
  /** Accept integer text ("30"), as Python's int() does. */
  text: boolean;
  /** What the number counts, for the message: "seconds", "bytes". */
  unit: string;
}

/** A whole number at least `rule.min`, or undefined (with a problem) when it is not one. */
export function readInteger(
  entry: YamlEntry,
  rule: IntegerRule,
  problems: ProblemList,
): number | undefined {
  const value = scalarOf(entry);
  const number =
    typeof value === "number"
      ? value
      : rule.text && typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value)
        ? Number(value)
        : NaN;
  if (Number.isSafeInteger(number) && number >= rule.min) return number;
  problems.add(
    entry.line,
    entry.key,
    `expected a whole number of ${rule.unit}, at least ${rule.min}, got ${shown(entry)}`,
  );
  return undefined;
}

const yaml11Booleans: Record<string, boolean> = {
  true: true,
  yes: true,
  on: true,
  false: false,
  no: false,
  off: false,
};

/** A boolean as PyYAML (YAML 1.1) reads it — true/false, yes/no, on/off — or a string as written. */
export function booleanOrText(entry: YamlEntry): boolean | string | undefined {
  const value = scalarOf(entry);
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return undefined;
  return yaml11Booleans[value.trim().toLowerCase()] ?? value.trim();
}
