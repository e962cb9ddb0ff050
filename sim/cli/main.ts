// The `sim` command line (docs/DESIGN.md#the-command-line), built with yargs: `main(argv)` parses
// the arguments (without the node and script names), runs the command and returns the exit code —
// it never calls process.exit, so tests and bin/sim.js decide what to do with it. Commands load the
// simulator lazily, keeping `sim --help` fast. yargs' own failures (unknown command or option, a
// bad choice, a missing argument) become one line on stderr and exit 2 (usage.ts). Every failure is
// reported by failure.ts — also as one JSON object on stdout when --json was given — and
// `sim check --junit FILE` still writes FILE. `sim completion` prints a shell completion script
// (yargs'). Writing to a pipe whose reader has gone (`sim list | head -1`) stops output quietly
// (io.ts). Everything printed passes through terminalSafe (terminal-text.ts): no control character
// from a scenario reaches the terminal as such.
import yargs from "yargs";
import { packageVersion } from "../package-files.ts";
import { reportFailure, exitCodes } from "./failure.ts";
import { quietOnClosedPipes, processIo, type CliIo } from "./io.ts";
import { safeIo } from "./terminal-text.ts";
import { checkCommand, junitOnFailure } from "./check-command.ts";
import { explainCommand } from "./explain-command.ts";
import { fuzzCommand } from "./fuzz-command.ts";
import { importCommand } from "./import-command.ts";
import { listCommand } from "./list-command.ts";
import { mergeCommand } from "./merge-command.ts";
import { runCommand } from "./run-command.ts";
import { sweepCommand } from "./sweep-command.ts";
import { commands, skipHelpCache, usageError } from "./usage.ts";

/** A failure yargs reported, turned into the CLI's message once the parse is over. */
class UsageFailure extends Error {
  constructor(
    message: string,
    readonly knownOptions: string[],
  ) {
    super(message);
  }
}

export async function main(argv: string[], given: CliIo = processIo): Promise<number> {
  if (given === processIo) quietOnClosedPipes();
  const io = safeIo(given);
  let exitCode: number = exitCodes.ok;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const parser = yargs(argv)
    .scriptName("sim")
    .usage(
      "$0 <command> [options]\n\nA deterministic discrete-event simulator of database failover.",
    )
    .command(runCommand(io, setExitCode))
    .command(sweepCommand(io, setExitCode))
    .command(mergeCommand(io, setExitCode))
    .command(checkCommand(io, setExitCode))
    .command(fuzzCommand(io, setExitCode))
    .command(listCommand(io, setExitCode))
    .command(explainCommand(io, setExitCode))
    .command(importCommand(io, setExitCode))
    .completion(
      "completion",
      "print a shell completion script (bash, zsh): sim completion >> ~/.bashrc",
    )
    .demandCommand(1, `Give a command: ${commands.join(", ")}`)
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      // Throwing is what stops yargs from going on to the handler after a validation failure.
      if (error) throw error;
      // getOptions is yargs' (untyped) view of the options of the command being parsed.
      const options = (
        parser as unknown as {
          getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> };
        }
      ).getOptions();
      throw new UsageFailure(message, [
        ...Object.keys(options.key),
        ...Object.values(options.alias).flat(),
      ]);
    })
    .help()
    .alias("h", "help")
    .version(packageVersion())
    .wrap(100);
  skipHelpCache(parser);
  try {
    await parser.parseAsync();
    return exitCode;
  } catch (thrown) {
    const error =
      thrown instanceof UsageFailure
        ? await usageError(thrown.message, argv, thrown.knownOptions)
        : thrown;
    if (argv[0] === "check") await junitOnFailure(argv, error, io);
    return reportFailure(error, io, {
      json: argv.some((arg) => arg === "--json" || arg === "--json=true"),
    });
  }
}
