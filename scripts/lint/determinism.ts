// What the simulation core (sim/engine, sim/dsl, sim/model) may not use, so that a run is the
// same in any process: no clock, timer or unseeded randomness, no async code, no I/O. Comments
// and string literals are stripped first: a comment may name what the code must not use, and
// `mode: "async"` names a replication mode, not a function.
import type { Violation } from "./source-files.ts";

/** The folders the bans hold in. */
export const coreFolders = ["sim/engine", "sim/dsl", "sim/model"];

export const bannedApis: readonly (readonly [RegExp, string])[] = [
  [/\bMath\.random\b/, "Math.random"],
  [/\bDate\.now\b/, "Date.now"],
  [/\bnew Date\b/, "new Date"],
  [/\bperformance\.now\b/, "performance.now"],
  [/\bprocess\.hrtime\b/, "process.hrtime"],
  [/\bset(Timeout|Interval|Immediate)\b/, "timers"],
  [/\bqueueMicrotask\b/, "queueMicrotask"],
  [/\basync\b/, "async"],
  [/\bawait\b/, "await"],
  [/\bfrom\s+["']node:(fs|child_process|worker_threads|net|http)/, "I/O modules"],
];

/** Source text without comments. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** Code without comments or the contents of string literals (import paths are kept). */
export function codeOnly(text: string): string {
  return withoutComments(text).replace(
    /(\bfrom\s+)?("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)/g,
    (literal, from: string | undefined) => (from === undefined ? '""' : literal),
  );
}

/** The banned names `text` uses. */
export function bannedIn(text: string): string[] {
  const code = codeOnly(text);
  return bannedApis.filter(([pattern]) => pattern.test(code)).map(([, name]) => name);
}

export function nondeterminism(file: string, text: string): Violation[] {
  return bannedIn(text).map((name) => ({
    rule: "determinism",
    file,
    line: 0,
    message: `uses ${name}: the simulation core is deterministic and does no I/O`,
  }));
}
