// The one error a bad scenario produces. Its message is a single paragraph naming the file, the
// field (a dotted path such as `faults[2].at`, `nodes.db1.zone`, or `--set detector.timeoutt`),
// what was expected and what was found — readable without a stack trace. The CLI maps it to
// exit code 2.
import { distance } from "fastest-levenshtein";

export interface ScenarioErrorInit {
  /** The scenario file as the user typed it (relative paths stay relative). */
  file: string;
  /** Dotted path of the offending field; "" when the problem is the file as a whole. */
  field: string;
  /** What would have been accepted, phrased to follow "expected …". */
  expected: string;
  /** What was found, already formatted (see describeValue); omitted when it adds nothing. */
  got?: string;
}

export class ScenarioError extends Error {
  readonly file: string;
  readonly field: string;
  readonly expected: string;
  readonly got: string | undefined;

  constructor(init: ScenarioErrorInit) {
    super(formatScenarioMessage(init));
    this.name = "ScenarioError";
    this.file = init.file;
    this.field = init.field;
    this.expected = init.expected;
    this.got = init.got;
  }
}

export function formatScenarioMessage({ file, field, expected, got }: ScenarioErrorInit): string {
  const where = field === "" ? `${file}:` : `${file}: ${field}:`;
  const found = got === undefined ? "" : `, got ${got}`;
  return `${where} expected ${expected}${found}.`;
}

const maxValueChars = 80;

/** A short, unambiguous text for a value found in a scenario: strings quoted, objects as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "function") return "a function";
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length <= maxValueChars ? text : `${text.slice(0, maxValueChars - 1)}…`;
}

/** `["faults", 2, "fault", "groups", 1, 0]` → `faults[2].fault.groups[1][0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** The value at `path` inside `root`, or undefined when the path leaves the data. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** "a", "b" and "c" — for lists of allowed choices in messages. */
export function listChoices(choices: readonly string[], quote = true): string {
  const items = choices.map((choice) => (quote ? JSON.stringify(choice) : choice));
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** The closest choice to a misspelt word, when one is close enough to be a likely typo. */
export function closestChoice(word: string, choices: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const choice of choices) {
    const gap = distance(word.toLowerCase(), choice.toLowerCase());
    if (gap < bestDistance) {
      best = choice;
      bestDistance = gap;
    }
  }
  return best;
}

/** Where resolution is: the file (for messages) and the scenario as written (to quote what was found). */
export interface ResolveContext {
  file: string;
  input: unknown;
}

/** Throws a ScenarioError for the field at `path`, quoting the value written there unless `got` is given. */
export function failAt(context: ResolveContext, path: readonly PropertyKey[], expected: string, got?: string): never {
  throw new ScenarioError({
    file: context.file,
    field: formatPath(path) || "(the scenario)",
    expected,
    got: got ?? describeValue(valueAt(context.input, path)),
  });
}
