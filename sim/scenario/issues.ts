// Turns zod's validation issues into one ScenarioError. One issue is reported (one clear problem
// per run beats a wall of them): an unknown key if there is one, else the first. Unions are
// looked into so that a typo inside a client group or a fault is reported where it is, not as
// "none of the options matched".
import type { z } from "zod";
import { closestChoice, describeValue, formatPath, listChoices, ScenarioError, valueAt } from "./errors.ts";
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

export function scenarioErrorFromIssues(issues: readonly Issue[], context: IssueContext): ScenarioError {
  const narrowed = issues.flatMap((issue) => flatten(issue, issue.path));
  // An unknown key usually explains the other issues (a misspelt `writes` is also a missing
  // one), so it is reported first.
  const chosen = narrowed.find(({ issue }) => issue.code === "unrecognized_keys") ?? narrowed[0];
  if (chosen === undefined) throw new Error("scenarioErrorFromIssues: no issues");
  return errorFor(chosen.issue, chosen.path, context);
}

/** Issues with unions' failures replaced by the issues of the option the data was evidently meant to be. */
function flatten(issue: Issue, path: readonly PropertyKey[]): Located[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [{ issue, path }];
  const meant = issue.errors.filter((branch) => !branch.some((inner) => inner.code === "invalid_type" && inner.path.length === 0));
  if (meant.length !== 1) return [{ issue, path }];
  return meant[0].flatMap((inner) => flatten(inner, [...path, ...inner.path]));
}

function errorFor(issue: Issue, path: readonly PropertyKey[], context: IssueContext): ScenarioError {
  const { file, input, schema } = context;
  const base = context.basePath ?? [];
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const allowed = allowedKeysAt(schema, input, path);
    const where = path.length === 0 ? "the scenario" : formatPath([...base, ...path]);
    const guess = closestChoice(key, allowed);
    return new ScenarioError({
      file,
      field: formatPath([...base, ...path, key]),
      expected: `a key of ${where}: ${listChoices(allowed, false)}`,
      got: `unknown key ${JSON.stringify(key)}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ""}`,
    });
  }
  if (issue.code === "invalid_key") {
    const key = path[path.length - 1];
    return new ScenarioError({
      file,
      field: formatPath([...base, ...path]),
      expected: `${plainExpectation(issue.issues[0]?.message ?? issue.message)} as the key`,
      got: JSON.stringify(String(key)),
    });
  }
  return new ScenarioError({
    file,
    field: formatPath([...base, ...path]) || "(the scenario)",
    expected: plainExpectation(issue.message),
    got: describeValue(valueAt(input, path)),
  });
}

/** Our messages are already phrased as expectations; zod's own defaults get trimmed to fit. */
function plainExpectation(message: string): string {
  const zodDefault = /^Invalid input: expected (\w+), received \w+$/.exec(message);
  if (zodDefault) return `a value of type ${zodDefault[1]}`;
  return message;
}
