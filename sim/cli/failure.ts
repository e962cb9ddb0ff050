// What the CLI does when something goes wrong, and the exit codes of the contract (DESIGN.md §2):
// 0 ok · 1 an expectation failed · 2 bad input (scenario, flag, path). Bad input is reported as one
// paragraph on stderr without a stack: a ScenarioError (its message names file and field), a bad
// flag (InputError, yargs' own messages), a run configured beyond the engine's limits
// (SimulationLimitError), an output folder that cannot be written. Anything else is a bug in the
// simulator: "internal error: …" and exit 1 (with the stack when SIM_DEBUG is set).
// With --json the same failure is also one JSON object on stdout, so a script reading stdout
// always gets JSON: { "error": { "code", "message", "file", "field" } } (file and field null when
// they do not apply; "problems" lists each when several files were bad).
import type { CliIo } from "./io.ts";

export const exitCodes = { ok: 0, expectationFailed: 1, internalError: 1, badInput: 2 } as const;

/** One problem, located where it can be: a scenario file and a field in it, or a flag. */
export interface Problem {
  message: string;
  file: string | null;
  field: string | null;
}

/** Bad input detected by the CLI itself; the message is the whole paragraph shown. */
export class InputError extends Error {
  /** Where the problem is (a flag is a field), and each problem when there were several. */
  readonly where: { file?: string; field?: string; problems?: Problem[] };

  constructor(message: string, where: { file?: string; field?: string; problems?: Problem[] } = {}) {
    super(message);
    this.name = "InputError";
    this.where = where;
  }
}

/** The failure as the CLI reports it: exit code, JSON code, message and problems. */
export interface Failure {
  exitCode: number;
  code: "bad-input" | "invalid-scenario" | "limit-exceeded" | "internal-error";
  message: string;
  problems: Problem[];
}

/** Classifies an error. Loads the layers' error classes only now. */
export async function failureOf(error: unknown): Promise<Failure> {
  const [{ ScenarioError }, { SimulationLimitError }] = await Promise.all([import("../scenario/index.ts"), import("../engine/index.ts")]);
  if (error instanceof InputError) {
    const problems = error.where.problems ?? [{ message: error.message, file: error.where.file ?? null, field: error.where.field ?? null }];
    const invalid = error.where.problems !== undefined && problems.every((problem) => problem.file !== null);
    return { exitCode: exitCodes.badInput, code: invalid ? "invalid-scenario" : "bad-input", message: error.message, problems };
  }
  if (error instanceof ScenarioError) {
    return { exitCode: exitCodes.badInput, code: "invalid-scenario", message: error.message, problems: [scenarioProblem(error)] };
  }
  if (error instanceof SimulationLimitError) {
    const message = `The run exceeded a simulation limit: ${error.message}.`;
    return { exitCode: exitCodes.badInput, code: "limit-exceeded", message, problems: [{ message, file: null, field: null }] };
  }
  const message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
  return { exitCode: exitCodes.internalError, code: "internal-error", message, problems: [{ message, file: null, field: null }] };
}

/** A ScenarioError as a problem: its file, and its field unless it is about the file as a whole. */
export function scenarioProblem(error: { message: string; file: string; field: string }): Problem {
  return { message: error.message, file: error.file, field: error.field === "" ? null : error.field };
}

/** Reports an error on stderr (and as one JSON object on stdout with --json); returns the exit
 *  code. */
export async function reportFailure(error: unknown, io: CliIo, options: { json: boolean } = { json: false }): Promise<number> {
  const failure = await failureOf(error);
  io.err(`${failure.message}\n`);
  if (failure.code === "internal-error") {
    if (process.env.SIM_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    else io.err("(a bug in the simulator; set SIM_DEBUG=1 to see where it happened)\n");
  }
  if (options.json) io.out(`${JSON.stringify({ error: failureJson(failure) })}\n`);
  return failure.exitCode;
}

function failureJson({ code, message, problems }: Failure): object {
  const [first] = problems;
  return { code, message, file: first.file, field: first.field, ...(problems.length > 1 && { problems }) };
}

/** Collapses a multi-line message into one line (yargs' "Invalid values:\n  Argument: …"). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
