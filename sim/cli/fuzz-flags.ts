// What both kinds of `sim fuzz` take from the command line (fuzz-command.ts, fuzz-swarm.ts): the
// flags as yargs hands them over, the flags they share (runs, seed, fault episodes, the
// reproducer's file), whole numbers in a range, paths as a person reads them, and the reproducer
// written whole or not at all.
import * as path from "node:path";
import { InputError } from "./failure.ts";
import { single } from "./flags.ts";

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

/** The flags both kinds of fuzzing take, each checked, or the fuzzer's defaults. */
export function sharedFuzzFlags(
  args: FuzzArgs,
  defaults: { runs: number; seed: number; maxEpisodes: number },
): { runs: number; seed: number; maxEpisodes: number; out: string | undefined } {
  const runs = wholeNumber(single(args.runs, "--runs"), "--runs", 1, maxRuns) ?? defaults.runs;
  const seed =
    wholeNumber(single(args.seed, "--seed"), "--seed", 0, Number.MAX_SAFE_INTEGER) ?? defaults.seed;
  const maxEpisodes =
    wholeNumber(single(args["max-faults"], "--max-faults"), "--max-faults", 1, maxFaultEpisodes) ??
    defaults.maxEpisodes;
  const out = single(args.out, "--out");
  if (out !== undefined && !out.endsWith(".ts"))
    throw new InputError(
      `--out names the reproducer scenario file and must end in .ts, got ${JSON.stringify(out)}.`,
    );
  return { runs, seed, maxEpisodes, out };
}

/** Writes a reproducer scenario whole or not at all (report/output's replaceFile); a file that
 *  cannot be written is the user's to change. */
export async function writeReproducerFile(outFile: string, source: string): Promise<void> {
  const { replaceFile } = await import("../report/index.ts");
  try {
    await replaceFile(outFile, source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      `Cannot write the reproducer to ${outFile}: ${reason}. Choose another file with --out.`,
    );
  }
}
