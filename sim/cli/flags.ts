// Flags the commands share: the scenario, `--seed` and `--set` of commands that run one scenario
// (run, explain), and their values — yargs hands a repeated flag over as an array, and `--seed`
// is a whole number; both fail as bad input (exit 2) with a message naming the flag.
import type { Argv } from "yargs";
import { InputError } from "./failure.ts";

/** `<scenario> [--seed N] [--set path=value]...`, as `sim run` and `sim explain` take them. */
export function oneScenarioOptions(yargs: Argv): Argv {
  return yargs
    .positional("scenario", { type: "string", describe: "scenario file (.ts)", demandOption: true })
    .option("seed", {
      type: "string",
      describe: "seed of every random stream (replaces the scenario's)",
    })
    .option("set", {
      type: "string",
      array: true,
      nargs: 1,
      describe: "override a scenario field, e.g. --set detector.timeout=5s (repeatable)",
    });
}

/** A flag that makes sense once; yargs turns a repeated one into an array. */
export function single(value: string | string[] | undefined, flag: string): string | undefined {
  if (Array.isArray(value))
    throw new InputError(`${flag} was given ${value.length} times; give it once.`);
  return value;
}

/** `--seed N`: a whole number from 0 to 2^53 − 1, or undefined when not given. */
export function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seed = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(seed)) {
    throw new InputError(
      `--seed expects a whole number from 0 to 2^53 - 1, got ${JSON.stringify(text)}.`,
    );
  }
  return seed;
}
