// What both kinds of `sim fuzz` take from the command line (fuzz-command.ts, fuzz-swarm.ts): the
// flags as yargs hands them over, whole numbers in a range, and paths as a person reads them.
import * as path from "node:path";
import { InputError } from "./failure.ts";

/** The most runs --runs takes, and the most fault episodes per run --max-faults takes. */
export const maxRuns = 1_000_000;
export const maxFaultEpisodes = 20;

export interface FuzzArgs {
  scenario?: string;
  swarm?: boolean;
  json?: boolean;
  invariant?: string;
  runs?: string;
  seed?: string;
  out?: string;
  settle?: string;
  "max-faults"?: string;
}

export function wholeNumber(
  text: string | undefined,
  flag: string,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new InputError(
      `${flag} expects a whole number from ${min} to ${max === Number.MAX_SAFE_INTEGER ? "2^53 - 1" : max}, got ${JSON.stringify(text)}.`,
    );
  }
  return value;
}

/** A path as shown to people: relative to the working folder, with "/" separators. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).join("/");
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
