// Turns zod's validation issues into one ScenarioError holding every problem. Unions are looked
// into so that a typo inside a client group or a fault is reported where it is, not as "none of
// the options matched"; each unknown key is its own problem, with a "did you mean" when one is
// close — and then the missing key it was meant to be is not reported again.
import type { z } from "zod";
import {
  closestChoice,
  describeValue,
  formatPath,
  listChoices,
  ScenarioError,
  valueAt,
  type ScenarioErrorInit,
} from "../dsl/index.ts";
import { allowedKeysAt } from "./schema-walk.ts";

type Issue = z.core.$ZodIssue;
type Located = { issue: Issue; path: readonly PropertyKey[] };

export interface IssueContext {
  file: string;
  /** The scenario as the user wrote it (to show what was found). */
  input: unknown;
  /** The schema that produced the issues (to list allowed keys). */
  schema: z.core.$ZodType;
  /** Prefix for field names, e.g. when only part of a scenario was checked. */
  basePath?: readonly PropertyKey[];
}

export function scenarioErrorFromIssues(
  issues: readonly Issue[],
  context: IssueContext,
): ScenarioError {
  return new ScenarioError(problemsFromIssues(issues, context));
}

/** One problem per issue (per key, for unknown keys): unknown keys first, then in zod's order. */
export function problemsFromIssues(
  issues: readonly Issue[],
  context: IssueContext,
): ScenarioErrorInit[] {
  const narrowed = issues.flatMap((issue) => flatten(issue, issue.path));
  if (narrowed.length === 0) throw new Error("problemsFromIssues: no issues");
  const meant = new Set<string>();
  const problems: ScenarioErrorInit[] = [];
  for (const { issue, path } of narrowed) {
    if (issue.code !== "unrecognized_keys") continue;
    const allowed = allowedKeysAt(context.schema, context.input, path);
    for (const key of issue.keys) {
      const guess = closestChoice(key, allowed);
      if (guess !== undefined) meant.add(formatPath([...path, guess]));
    }
  }
  // Unknown keys first: a misplaced or misspelt key usually explains the issues after it.
  const ordered = [
    ...narrowed.filter(({ issue }) => issue.code === "unrecognized_keys"),
    ...narrowed.filter(({ issue }) => issue.code !== "unrecognized_keys"),
  ];
  for (const { issue, path } of ordered) {
    const missing = issue.code === "invalid_type" && valueAt(context.input, path) === undefined;
    if (missing && meant.has(formatPath(path))) continue; // a misspelt key, reported as unknown
    problems.push(...problemsFor(issue, path, context));
  }
  return problems;
}

/** Issues with unions' failures replaced by the issues of the option the data was evidently meant to be. */
function flatten(issue: Issue, path: readonly PropertyKey[]): Located[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [{ issue, path }];
  const meant = issue.errors.filter(
    (branch) => !branch.some((inner) => inner.code === "invalid_type" && inner.path.length === 0),
  );
  if (meant.length !== 1) return [{ issue, path }];
  return meant[0].flatMap((inner) => flatten(inner, [...path, ...inner.path]));
}

function problemsFor(
  issue: Issue,
  path: readonly PropertyKey[],
  context: IssueContext,
): ScenarioErrorInit[] {
  const { file, input, schema } = context;
  const base = context.basePath ?? [];
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedKeysAt(schema, input, path);
    const where = path.length === 0 ? "the scenario" : formatPath([...base, ...path]);
    return issue.keys.map((key) => {
      const guess = closestChoice(key, allowed);
      return {
        file,
        field: formatPath([...base, ...path, key]),
        expected: `a key of ${where}: ${listChoices(allowed, false)}`,
        got: `unknown key ${JSON.stringify(key)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ""}`,
      };
    });
  }
  if (issue.code === "invalid_key") {
    const key = path[path.length - 1];
    return [
      {
        file,
        field: formatPath([...base, ...path]),
        expected: `${plainExpectation(issue.issues[0]?.message ?? issue.message)} as the key`,
        got: JSON.stringify(String(key)),
      },
    ];
  }
  return [
    {
      file,
      field: formatPath([...base, ...path]) || "(the scenario)",
      expected: plainExpectation(issue.message),
      got: describeValue(valueAt(input, path)),
    },
  ];
}

/** Our messages are already phrased as expectations; zod's own defaults get trimmed to fit. */
function plainExpectation(message: string): string {
  const zodDefault = /^Invalid input: expected (\w+), received \w+$/.exec(message);
  if (zodDefault) return `a value of type ${zodDefault[1]}`;
  return message;
}
