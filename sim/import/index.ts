// The import room: `sim import` turns a real system's configuration into an ordinary scenario
// file in the public DSL. `importConfig` recognises the format (or takes the one named), reads
// the file into a ScenarioPlan and writes it as text; bad input throws an ImportError naming
// every bad line. Pure: text in, text out; the CLI reads and writes the files.
import type { ConfigFile } from "./config-format.ts";
import { formatNames, formats, type FormatName } from "./formats.ts";
import { ImportError } from "./import-error.ts";
import type { Remark, ScenarioPlan } from "./plan.ts";
import { scenarioText } from "./scenario-text.ts";

export { formatNames, formats, type FormatName } from "./formats.ts";
export { ImportError, problemText, type ImportProblem } from "./import-error.ts";
export type { ConfigFile } from "./config-format.ts";
export type { Remark, ScenarioPlan } from "./plan.ts";

export interface ImportRequest {
  /** The format, when not recognised from the content. */
  format?: FormatName;
  /** The scenario's name; by default one made from the file's name. */
  name?: string;
  /** Redis Sentinel: how many Sentinels run. */
  sentinels?: number;
}

export interface Imported {
  format: FormatName;
  plan: ScenarioPlan;
  /** The scenario file's text. */
  text: string;
}

export function importConfig(file: ConfigFile, request: ImportRequest = {}): Imported {
  const format = request.format ?? recognisedFormat(file);
  if (request.sentinels !== undefined && format !== "sentinel") {
    throw new ImportError(file.name, [
      {
        line: null,
        key: null,
        message: `--sentinels applies to a Redis Sentinel configuration only; this is ${formats[format].system}`,
      },
    ]);
  }
  const read = formats[format].read(file, {
    name: request.name ?? scenarioNameOf(file.name),
    sentinels: request.sentinels,
  });
  const plan = { ...read, notModelled: byLine(read.notModelled), ignored: byLine(read.ignored) };
  return { format, plan, text: scenarioText(plan) };
}

/** The one format whose files look like this one, or an ImportError saying what was expected. */
export function recognisedFormat(file: ConfigFile): FormatName {
  const matches = formatNames.filter((name) => formats[name].recognises(file.text));
  if (matches.length === 1) return matches[0];
  const message =
    matches.length === 0
      ? `cannot tell which configuration this is; expected ${formatNames.map((name) => formats[name].looksLike).join(", or ")}; or name it with --format ${formatNames.join("|")}`
      : `looks like ${matches.map((name) => formats[name].system).join(" and like ")}; name it with --format ${matches.join("|")}`;
  throw new ImportError(file.name, [{ line: null, key: null, message }]);
}

/** Remarks in the order of the file's lines (those about the whole file first). */
function byLine(remarks: readonly Remark[]): Remark[] {
  return [...remarks].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** A scenario name from a file name: "postgres-statefulset.yaml" → "postgres-statefulset". */
export function scenarioNameOf(fileName: string): string {
  const stem = fileName
    .replace(/\.[^.]*$/, "")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const named =
    /^[A-Za-z]/.test(stem) && !(stem in Object.prototype)
      ? stem
      : `imported-${stem}`.replace(/-$/, "");
  return named.slice(0, 64);
}
