// What is left of a scenario once the fields its shape check refused are taken out, so that the
// rules relating fields can still be checked on the rest in the same run: an unknown key is
// dropped, a refused value inside an object is dropped (the field falls back to its default).
// A refused value in a list, or a whole refused list item, cannot be dropped without renumbering
// the list (and the messages after it), so then there is nothing to salvage. The scenario is
// copied along the changed paths only (it may hold functions, which cannot be cloned). Whether
// the rest passes the shape check is the caller's to ask (a required field dropped fails it).
import type { z } from "zod";
import { formatPath } from "../dsl/index.ts";

type Issue = z.core.$ZodIssue;

export interface Salvaged {
  scenario: unknown;
  /** Fields taken out, as dotted paths (problems found below them are consequences). */
  removed: string[];
}

export function salvage(scenario: unknown, issues: readonly Issue[]): Salvaged | undefined {
  let result = scenario;
  const removed: string[] = [];
  for (const issue of issues) {
    const paths =
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => [...issue.path, key])
        : [issue.path];
    for (const path of paths) {
      if (path.length === 0 || typeof path[path.length - 1] !== "string") return undefined;
      const next = without(result, path);
      if (next === undefined) return undefined;
      result = next;
      removed.push(formatPath(path));
    }
  }
  return { scenario: result, removed };
}

/** `data` without the key at `path` (copied along the way), or undefined when the path does not
 *  lead through plain objects and arrays to that key. */
function without(data: unknown, path: readonly PropertyKey[]): unknown {
  if (data === null || typeof data !== "object") return undefined;
  const [key, ...rest] = path;
  if (rest.length === 0) {
    if (Array.isArray(data) || typeof key !== "string") return undefined;
    const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
    delete copy[key];
    return copy;
  }
  const inner = without((data as Record<PropertyKey, unknown>)[key], rest);
  if (inner === undefined) return undefined;
  if (Array.isArray(data)) {
    const copy = [...data];
    copy[key as number] = inner;
    return copy;
  }
  return { ...(data as Record<string, unknown>), [key]: inner };
}
