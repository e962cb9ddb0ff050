// What the CLI does when something goes wrong, and the exit codes of the contract (DESIGN.md §2):
// 0 ok · 1 an expectation failed · 2 bad input (scenario, flag, path). Bad input is reported as one
// paragraph on stderr without a stack: a ScenarioError (its message names file and field — every
// problem, one per line), a bad flag (InputError, yargs' own messages), a run that reached a
// limit (SimulationLimitError: the message names the limit, its value and the flag that raises
// it), an output folder that cannot be written or is taken (OutputError). Anything else is a bug
// in the simulator: "internal error: …" and exit 1 (with the stack when SIM_DEBUG is set), naming
// the scenario, seed and a command that reproduces it when the failure came from a run.
import type { CliIo } from "./io.ts";

export const exitCodes = { ok: 0, expectationFailed: 1, internalError: 1, badInput: 2 } as const;

/** Bad input detected by the CLI itself; the message is the whole paragraph shown. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** Reports an error on stderr and returns the exit code. Loads the layers' error classes only now. */
export async function reportFailure(error: unknown, io: CliIo): Promise<number> {
  const [{ ScenarioError, limitText }, { SimulationLimitError }, { OutputError }, { SimulatorBugError }] = await Promise.all([
    import("../scenario/index.ts"),
    import("../engine/index.ts"),
    import("../report/output/output-error.ts"),
    import("../metrics/index.ts"),
  ]);
  if (error instanceof InputError || error instanceof ScenarioError || error instanceof OutputError) {
    io.err(`${error.message}\n`);
    return exitCodes.badInput;
  }
  if (error instanceof SimulationLimitError) {
    const what = error.message.replace(/;.*$/, "");
    io.err(`The run stopped at ${limitText(error.limit, error.value)}: ${what}. No report was written.\n`);
    return exitCodes.badInput;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`internal error: ${message}\n`);
  if (error instanceof SimulatorBugError) {
    io.err(`  while running ${error.run.scenario} (${error.run.file}) with seed ${error.run.seed}\n`);
    io.err(`  reproduce: ${error.reproduction()}\n`);
  }
  if (process.env.SIM_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  else io.err("(a bug in the simulator; set SIM_DEBUG=1 to see where it happened)\n");
  return exitCodes.internalError;
}

/** Collapses a multi-line message into one line (yargs' "Invalid values:\n  Argument: …"). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
