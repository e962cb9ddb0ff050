// One `--vary path=values` flag: a scenario path (the same dotted paths as `--set`) and the value
// texts it takes, either a comma list (`replication.mode=async,sync`, any values) or a range
// (`detector.timeout=1s..30s/1s`, see range.ts). Values stay text, exactly as given or as the
// range wrote them: they become `path=value` overrides, parsed by the same code as `--set`, and
// they are the cells of the path's column in runs.csv. Commas inside JSON values
// (`[1,2]`, `{"a":1,"b":2}`) or quotes do not split the list. Only the syntax is checked here;
// whether a path exists and a value fits is checked by resolving the scenario (grid-check.ts).
import { ScenarioError } from "../scenario/index.ts";
import { expandRange, looksLikeRange } from "./range.ts";

export interface Vary {
  /** The dotted path as typed, e.g. "detector.timeout"; also the runs.csv column header. */
  path: string;
  /** The values in the order given (a range: ascending). */
  values: string[];
}

/** Paths a sweep sets itself, so varying them would be ambiguous. */
const reservedPaths: Record<string, string> = {
  seed: "the seeds of a sweep come from --seeds or --seed-list",
};

export function parseVary(text: string, file: string): Vary {
  const equals = text.indexOf("=");
  const fail = (field: string, expected: string, got: string): never => {
    throw new ScenarioError({ file, field: `--vary ${field}`, expected, got });
  };
  if (equals <= 0)
    fail(
      text,
      "path=values, like detector.timeout=1s..30s/1s or replication.mode=async,sync",
      JSON.stringify(text),
    );
  const path = text.slice(0, equals).trim();
  const spec = text.slice(equals + 1).trim();
  if (path in reservedPaths)
    fail(
      path,
      `a path other than ${JSON.stringify(path)}: ${reservedPaths[path]}`,
      JSON.stringify(text),
    );
  if (spec === "") fail(path, 'at least one value after "="', "nothing");
  if (looksLikeRange(spec) && !/^\s*[[{"]/.test(spec)) {
    const reading = expandRange(spec);
    if (!reading.ok) fail(path, reading.expected, JSON.stringify(spec));
    return { path, values: reading.ok ? reading.values : [] };
  }
  const values = splitList(spec).map((value) => value.trim());
  const empty = values.findIndex((value) => value === "");
  if (empty >= 0) fail(path, `a comma list without empty values`, JSON.stringify(spec));
  const duplicate = values.find((value, i) => values.indexOf(value) !== i);
  if (duplicate !== undefined)
    fail(path, `each value once`, `${JSON.stringify(duplicate)} twice in ${JSON.stringify(spec)}`);
  return { path, values };
}

/** Checks that no path is varied twice; the grid would have two columns of one name. */
export function checkDistinctPaths(varies: readonly Vary[], file: string): void {
  const seen = new Set<string>();
  for (const vary of varies) {
    if (seen.has(vary.path)) {
      throw new ScenarioError({
        file,
        field: `--vary ${vary.path}`,
        expected: "each path varied once (list all its values in one --vary)",
        got: "it twice",
      });
    }
    seen.add(vary.path);
  }
}

/** Splits at commas that are outside brackets, braces and double quotes. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === "\\") i++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === "[" || char === "{") depth++;
    else if (char === "]" || char === "}") depth = Math.max(0, depth - 1);
    else if (char === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
