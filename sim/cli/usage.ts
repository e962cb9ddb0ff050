// yargs' own failures (an unknown command or option, a bad choice, a missing argument) as the
// CLI reports them: one line, pointing at the help of the command concerned, and for a misspelt
// command or option the nearest one ("did you mean --seeds?", edit distance as for scenario
// fields). Bad input: exit 2, with the flag as the problem's field.
import { InputError, oneLine } from "./failure.ts";

export const commands = [
  "run",
  "sweep",
  "merge",
  "check",
  "fuzz",
  "list",
  "explain",
  "import",
  "completion",
];
/** Commands of the contract not built yet: named as such rather than as unknown. */
const plannedCommands: string[] = [];

const examples: Record<string, string> = {
  run: "sim run needs a scenario file, e.g. sim run scenarios/blip.ts",
  sweep:
    "sim sweep needs a scenario file, e.g. sim sweep scenarios/blip.ts --vary detector.timeout=1s..10s/1s",
  fuzz: "sim fuzz needs a scenario file, e.g. sim fuzz scenarios/split-brain.ts --invariant no-lost-acked-writes",
  explain: "sim explain needs a scenario file, e.g. sim explain scenarios/split-brain.ts",
  merge:
    "sim merge needs the output folders of the shards, e.g. sim merge out-1 out-2 out-3 --out merged",
  import:
    "sim import needs a configuration file, e.g. sim import examples/configs/patroni.yml --out scenarios/ours.ts",
};

/** The usage failure yargs reported, with the options the command knows (long names and aliases). */
export async function usageError(
  message: string,
  argv: readonly string[],
  knownOptions: readonly string[],
): Promise<InputError> {
  const { closestChoice } = await import("../dsl/index.ts");
  const first = argv[0];
  if (first !== undefined && !first.startsWith("-") && !commands.includes(first)) {
    if (plannedCommands.includes(first))
      return new InputError(
        `sim ${first} is not available yet; the commands are: ${commands.join(", ")}.`,
      );
    const near = closestChoice(first, commands);
    const guess = near === undefined ? "." : `; did you mean "${near}"?`;
    return new InputError(
      `Unknown command ${JSON.stringify(first)}${guess} The commands are: ${commands.join(", ")} (see sim --help).`,
      { field: first },
    );
  }
  if (first !== undefined && first.startsWith("-") && message.startsWith("Give a command")) {
    // `sim --hlep`: yargs asks for a command before it looks at the options.
    const name = first.replace(/^-+/, "").split("=")[0];
    const near = closestChoice(name, knownOptions);
    if (!knownOptions.includes(name)) {
      const guess = near === undefined ? "." : `; did you mean ${optionText(near)}?`;
      return new InputError(
        `Unknown option ${first.split("=")[0]}${guess} Give a command: ${commands.join(", ")} (see sim --help).`,
        { field: first.split("=")[0] },
      );
    }
  }
  const command = first !== undefined && commands.includes(first) ? first : undefined;
  const help = command ? `sim ${command} --help` : "sim --help";
  if (
    command !== undefined &&
    command in examples &&
    message.startsWith("Not enough non-option arguments")
  ) {
    return new InputError(`${examples[command]} (see ${help}).`);
  }
  const unknown = /^Unknown arguments?: (.+)$/.exec(oneLine(message));
  if (unknown) {
    const written = unknown[1].split(", ").map((name) => ({ name, text: writtenAs(name, argv) }));
    const guesses = written.flatMap(({ name, text }) => {
      const near = text.startsWith("-") ? closestChoice(name, knownOptions) : undefined;
      return near === undefined ? [] : [optionText(near)];
    });
    const noun = written.every(({ text }) => text.startsWith("-")) ? "option" : "argument";
    const what = `Unknown ${noun}${written.length === 1 ? "" : "s"} ${written.map(({ text }) => text).join(", ")}`;
    const guess = guesses.length === 0 ? "" : `; did you mean ${guesses.join(", ")}?`;
    return new InputError(`${what}${command ? ` for sim ${command}` : ""}${guess} (see ${help}).`, {
      field: written[0].text,
    });
  }
  return new InputError(`${oneLine(message).replace(/\.$/, "")} (see ${help}).`);
}

/** An option as typed: "-h", "--seeds". */
function optionText(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}

/** How the user wrote an unknown argument yargs names: "--seeeds", "-x", or a bare word. */
function writtenAs(name: string, argv: readonly string[]): string {
  for (const form of [`--${name}`, `-${name}`]) {
    if (argv.some((arg) => arg === form || arg.startsWith(`${form}=`))) return form;
  }
  return name.length === 1 ? `-${name}` : argv.includes(name) ? name : `--${name}`;
}

/** The part of yargs' internals skipHelpCache reaches (yargs keeps these off its typed API). */
interface YargsInternals {
  getInternalMethods?(): { getUsageInstance?(): { cacheHelpMessage?: () => void } };
}

/**
 * yargs builds a command's whole help text each time it starts the command's handler, only so
 * that the handler could print it later (its usage.js, cacheHelpMessage); no handler here does,
 * and building it cost about 40 ms of every command's start-up. Help that is asked for
 * (`--help`, a usage error's pointer) is built when asked, as before. Returns whether the step
 * was found, which a test checks, so that a change in yargs cannot bring the cost back unseen.
 */
export function skipHelpCache(parser: object): boolean {
  const usage = (parser as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage !== "function") return false;
  usage.cacheHelpMessage = () => undefined;
  return true;
}
