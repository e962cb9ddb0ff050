// The error a bad scenario produces: every problem found, each one line naming the file, the
// field (a dotted path such as `faults[2].at`, `nodes.db1.zone`, or `--set detector.timeoutt`),
// what was expected and what was found — readable without a stack trace. Validation collects
// them so that one run shows them all (at most `maxShownProblems`, then a count). The CLI maps
// it to exit code 2. `file`, `field`, `expected` and `got` are those of the first problem.
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

/** Problems shown in one message; the rest are counted. */
export const maxShownProblems = 20;

export class ScenarioError extends Error {
  readonly file: string;
  readonly field: string;
  readonly expected: string;
  readonly got: string | undefined;
  readonly problems: readonly ScenarioErrorInit[];

  constructor(init: ScenarioErrorInit | readonly ScenarioErrorInit[]) {
    const problems = Array.isArray(init)
      ? dedupe(init as readonly ScenarioErrorInit[])
      : [init as ScenarioErrorInit];
    if (problems.length === 0) throw new Error("ScenarioError: no problems");
    super(formatProblems(problems));
    this.name = "ScenarioError";
    this.problems = problems;
    [{ file: this.file, field: this.field, expected: this.expected, got: this.got }] = problems;
  }
}

/** The problems of several errors (and loose ones) as one error. */
export function combineProblems(
  parts: readonly (ScenarioError | ScenarioErrorInit)[],
): ScenarioError {
  return new ScenarioError(
    parts.flatMap((part) => (part instanceof ScenarioError ? part.problems : [part])),
  );
}

function formatProblems(problems: readonly ScenarioErrorInit[]): string {
  const shown = problems.slice(0, maxShownProblems).map(formatScenarioMessage);
  const more = problems.length - shown.length;
  return more > 0
    ? [...shown, `… and ${more} more problem${more === 1 ? "" : "s"} (fix these first)`].join("\n")
    : shown.join("\n");
}

function dedupe(problems: readonly ScenarioErrorInit[]): ScenarioErrorInit[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = formatScenarioMessage(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
  if (typeof value === "number" || typeof value === "boolean" || value === null)
    return String(value);
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

/** Where resolution is: the file (for messages), the scenario as written (to quote what was
 *  found) and, when resolution collects its problems instead of stopping at the first, where. */
export interface ResolveContext {
  file: string;
  input: unknown;
  problems?: ScenarioErrorInit[];
}

/** Throws a ScenarioError for the field at `path`, quoting the value written there unless `got` is given. */
export function failAt(
  context: ResolveContext,
  path: readonly PropertyKey[],
  expected: string,
  got?: string,
): never {
  throw new ScenarioError(problemAt(context, path, expected, got));
}

/** Records a problem at `path` and lets resolution go on (it throws where nothing collects). */
export function reportAt(
  context: ResolveContext,
  path: readonly PropertyKey[],
  expected: string,
  got?: string,
): void {
  if (context.problems === undefined) failAt(context, path, expected, got);
  context.problems.push(problemAt(context, path, expected, got));
}

/** `work()`, or — when it throws a ScenarioError and problems are being collected — its problems
 *  recorded and `fallback` in its place, so that one bad part does not hide the next. */
export function collecting<T>(context: ResolveContext, fallback: T, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof ScenarioError) || context.problems === undefined) throw error;
    context.problems.push(...error.problems);
    return fallback;
  }
}

function problemAt(
  context: ResolveContext,
  path: readonly PropertyKey[],
  expected: string,
  got?: string,
): ScenarioErrorInit {
  return {
    file: context.file,
    field: formatPath(path) || "(the scenario)",
    expected,
    got: got ?? describeValue(valueAt(context.input, path)),
  };
}
