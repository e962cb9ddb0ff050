// The `sim` command line (DESIGN.md §2), built with yargs: `main(argv)` parses the arguments
// (without the node and script names), runs the command and returns the exit code — it never
// calls process.exit, so tests and bin/sim.js decide what to do with it. Commands load the
// simulator lazily, keeping `sim --help` fast. yargs' own failures (unknown command or option,
// a bad choice, a missing argument) become one line on stderr and exit 2.
import yargs from "yargs";
import { packageVersion } from "../package-files.ts";
import { InputError, oneLine, reportFailure, exitCodes } from "./failure.ts";
import { processIo, type CliIo } from "./io.ts";
import { checkCommand } from "./check-command.ts";
import { explainCommand } from "./explain-command.ts";
import { fuzzCommand } from "./fuzz-command.ts";
import { listCommand } from "./list-command.ts";
import { mergeCommand } from "./merge-command.ts";
import { runCommand } from "./run-command.ts";
import { sweepCommand } from "./sweep-command.ts";

const commands = ["run", "sweep", "merge", "check", "fuzz", "list", "explain"];
/** Commands of the contract not built yet: named as such rather than as unknown. */
const plannedCommands: string[] = [];

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const parser = yargs(argv)
    .scriptName("sim")
    .usage("$0 <command> [options]\n\nA deterministic discrete-event simulator of database failover.")
    .command(runCommand(io, setExitCode))
    .command(sweepCommand(io, setExitCode))
    .command(mergeCommand(io, setExitCode))
    .command(checkCommand(io, setExitCode))
    .command(fuzzCommand(io, setExitCode))
    .command(listCommand(io, setExitCode))
    .command(explainCommand(io, setExitCode))
    .demandCommand(1, `Give a command: ${commands.join(", ")}`)
    .strict()
    .exitProcess(false)
    .fail((message, error) => {
      // Throwing is what stops yargs from going on to the handler after a validation failure.
      throw error ?? new InputError(usageMessage(message, argv));
    })
    .help()
    .alias("h", "help")
    .version(packageVersion())
    .wrap(100);
  try {
    await parser.parseAsync();
    return exitCode;
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** yargs' message as one line, pointing at the help of the command concerned. */
function usageMessage(message: string, argv: string[]): string {
  const first = argv[0];
  if (first !== undefined && !first.startsWith("-") && !commands.includes(first)) {
    if (plannedCommands.includes(first)) return `sim ${first} is not available yet; the commands are: ${commands.join(", ")}.`;
    return `Unknown command ${JSON.stringify(first)}; the commands are: ${commands.join(", ")} (see sim --help).`;
  }
  const command = first !== undefined && commands.includes(first) ? first : undefined;
  if (command === "run" && message.startsWith("Not enough non-option arguments")) {
    return "sim run needs a scenario file, e.g. sim run scenarios/blip.ts (see sim run --help).";
  }
  if (command === "sweep" && message.startsWith("Not enough non-option arguments")) {
    return "sim sweep needs a scenario file, e.g. sim sweep scenarios/blip.ts --vary detector.timeout=1s..10s/1s (see sim sweep --help).";
  }
  if (command === "fuzz" && message.startsWith("Not enough non-option arguments")) {
    return "sim fuzz needs a scenario file, e.g. sim fuzz scenarios/split-brain.ts --invariant no-lost-acked-writes (see sim fuzz --help).";
  }
  if (command === "explain" && message.startsWith("Not enough non-option arguments")) {
    return "sim explain needs a scenario file, e.g. sim explain scenarios/split-brain.ts (see sim explain --help).";
  }
  if (command === "merge" && message.startsWith("Not enough non-option arguments")) {
    return "sim merge needs the output folders of the shards, e.g. sim merge out-1 out-2 out-3 --out merged (see sim merge --help).";
  }
  return `${oneLine(message).replace(/\.$/, "")} (see ${command ? `sim ${command} --help` : "sim --help"}).`;
}
