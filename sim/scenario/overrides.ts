// `--set path=value` (repeatable): changes one field of a scenario before it is resolved, with the
// DSL's value syntax — true/false, numbers, JSON arrays and objects, anything else a string
// ("5s", "sync", "200/s"). A path must exist in the schema (walked through schema-walk.ts, so the
// allowed keys are never listed twice); it may name an optional field the scenario left out, but
// not a new node or client group — a typo like `nodes.db9.zone` must not quietly add a node.
// Link keys are free-form, so `network.links.<a<->b>` may be created. A path segment that names
// JavaScript's object machinery (__proto__, constructor, prototype) is refused everywhere.
// Values are checked later, by resolveScenario, exactly like values written in the file. Every
// bad assignment is reported, not only the first. The input is never mutated.
import type { z } from "zod";
import {
  closestChoice,
  formatPath,
  listChoices,
  ScenarioError,
  type ScenarioErrorInit,
} from "../dsl/index.ts";
import { childSchema, schemaPoint } from "./schema-walk.ts";
import { scenarioSchema } from "./schema.ts";

type Key = string | number;

/** Path segments that would reach an object's prototype instead of a field. */
export const forbiddenSegments: readonly string[] = ["__proto__", "constructor", "prototype"];

/** The scenario with every assignment applied; throws a ScenarioError naming each bad one. */
export function applyOverrides(
  scenario: unknown,
  assignments: readonly string[],
  file: string,
): unknown {
  const { scenario: result, problems } = applyOverridesCollecting(scenario, assignments, file);
  if (problems.length > 0) throw new ScenarioError(problems);
  return result;
}

/** The scenario with the good assignments applied, and a problem for each bad one. */
export function applyOverridesCollecting(
  scenario: unknown,
  assignments: readonly string[],
  file: string,
): { scenario: unknown; problems: ScenarioErrorInit[] } {
  let result = scenario;
  const problems: ScenarioErrorInit[] = [];
  for (const assignment of assignments) {
    try {
      const { pathText, path, value } = parseAssignment(assignment, file);
      result = setAt(result, scenarioSchema, path, value, { file, pathText, walked: [] });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      problems.push(...error.problems);
    }
  }
  return { scenario: result, problems };
}

/** "true"/"false" → boolean; a number → number; "[…]"/"{…}" → JSON; anything else the text itself. */
export function parseOverrideValue(text: string): unknown {
  if (text === "true") return true;
  if (text === "false") return false;
  if (/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (/^\s*[[{]/.test(text)) return JSON.parse(text);
  return text;
}

function parseAssignment(
  assignment: string,
  file: string,
): { pathText: string; path: Key[]; value: unknown } {
  const equals = assignment.indexOf("=");
  if (equals <= 0) {
    throw new ScenarioError({
      file,
      field: `--set ${assignment}`,
      expected: `path=value, like detector.timeout=5s`,
      got: JSON.stringify(assignment),
    });
  }
  const pathText = assignment.slice(0, equals).trim();
  const valueText = assignment.slice(equals + 1);
  const path = parsePath(pathText);
  const forbidden = path?.find((key) => typeof key === "string" && forbiddenSegments.includes(key));
  if (forbidden !== undefined) {
    throw new ScenarioError({
      file,
      field: `--set ${pathText}`,
      expected: `a path of scenario fields (never __proto__, constructor or prototype)`,
      got: JSON.stringify(forbidden),
    });
  }
  if (path === undefined) {
    throw new ScenarioError({
      file,
      field: `--set ${pathText}`,
      expected: `a dotted path, like detector.timeout or clients[0].writes`,
      got: JSON.stringify(pathText),
    });
  }
  try {
    return { pathText, path, value: parseOverrideValue(valueText) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ScenarioError({
      file,
      field: `--set ${pathText}`,
      expected: `valid JSON after "=" (${reason})`,
      got: JSON.stringify(valueText),
    });
  }
}

/** "clients[0].writes" and "clients.0.writes" → ["clients", 0, "writes"]. */
function parsePath(text: string): Key[] | undefined {
  const path: Key[] = [];
  for (const part of text.split(".")) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (match === null || (match[1] === "" && match[2] === "")) return undefined;
    if (match[1] !== "") path.push(/^\d+$/.test(match[1]) ? Number(match[1]) : match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

interface Walk {
  file: string;
  pathText: string;
  walked: Key[];
}

function setAt(
  data: unknown,
  schema: z.core.$ZodType,
  path: Key[],
  value: unknown,
  walk: Walk,
): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  const point = schemaPoint(schema, data);
  const next = (child: z.core.$ZodType, inner: unknown) =>
    setAt(inner, child, rest, value, { ...walk, walked: [...walk.walked, key] });
  const where = walk.walked.length === 0 ? "the scenario" : formatPath(walk.walked);
  const record = isRecord(data) ? data : {};
  switch (point.kind) {
    case "object": {
      const child = typeof key === "string" ? childSchema(point, key) : undefined;
      if (child === undefined) unknownKey(walk, key, `a key of ${where}`, Object.keys(point.shape));
      return { ...record, [key]: next(child, record[key]) };
    }
    case "record": {
      const exists = typeof key === "string" && Object.hasOwn(record, key);
      if (!exists && !point.open) {
        unknownKey(
          walk,
          key,
          `an existing entry of ${where} (--set cannot add one)`,
          Object.keys(record),
        );
      }
      return { ...record, [key]: next(point.value, record[key]) };
    }
    case "array": {
      const items = Array.isArray(data) ? data : [];
      if (typeof key !== "number" || key >= items.length) {
        const range = items.length === 0 ? `none: ${where} is empty` : `0 to ${items.length - 1}`;
        unknownKey(walk, key, `an index of ${where} (${range})`, []);
      }
      const copy = [...items];
      copy[key] = next(point.element, items[key]);
      return copy;
    }
    case "leaf":
      unknownKey(walk, key, `no path below ${where}, which holds a single value`, []);
  }
}

function unknownKey(walk: Walk, key: Key, expected: string, choices: string[]): never {
  const guess = typeof key === "string" ? closestChoice(key, choices) : undefined;
  throw new ScenarioError({
    file: walk.file,
    field: `--set ${walk.pathText}`,
    expected: choices.length > 0 ? `${expected}: ${listChoices(choices, false)}` : expected,
    got: `${JSON.stringify(String(key))}${guess ? ` (did you mean ${JSON.stringify(guess)}?)` : ""}`,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
