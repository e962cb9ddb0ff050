// Flag values the commands share: yargs hands a repeated flag over as an array, and `--seed`
// is a whole number. Both fail as bad input (exit 2) with a message naming the flag.
import { InputError } from "./failure.ts";

/** A flag that makes sense once; yargs turns a repeated one into an array. */
export function single(value: string | string[] | undefined, flag: string): string | undefined {
  if (Array.isArray(value)) throw new InputError(`${flag} was given ${value.length} times; give it once.`);
  return value;
}

/** `--seed N`: a whole number from 0 to 2^53 − 1, or undefined when not given. */
export function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seed = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(seed)) {
    throw new InputError(`--seed expects a whole number from 0 to 2^53 - 1, got ${JSON.stringify(text)}.`);
  }
  return seed;
}
