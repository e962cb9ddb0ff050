// What the CLI does when something goes wrong, and the exit codes of the contract
// (docs/DESIGN.md#exit-codes): 0 ok · 1 an expectation failed · 2 bad input (scenario, flag, path);
// 130 and 143 are interrupts.ts's. Bad input is reported on stderr without a stack: a ScenarioError
// (its message names file and field — every problem, one per line), a bad flag (InputError, yargs'
// own messages), a run that reached a limit (SimulationLimitError: the message names the limit, its
// value and the flag that raises it), an output folder that cannot be written or is taken
// (OutputError). Anything else is a bug in the simulator: "internal error: …" and exit 1 (with the
// stack when SIM_DEBUG is set), naming the scenario, seed and a command that reproduces it when the
// failure came from a run. With --json the same failure is also one JSON object on stdout, so a
// script reading stdout always gets JSON: { "error": { "code", "message", "file", "field" } } (file
// and field null when they do not apply; "problems" lists each when there were several).
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

  constructor(
    message: string,
    where: { file?: string; field?: string; problems?: Problem[] } = {},
  ) {
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
  /** Lines printed after the message on stderr only (how to reproduce an internal error). */
  detail: string[];
}

/** Classifies an error. Loads the layers' error classes only now. */
export async function failureOf(error: unknown): Promise<Failure> {
  const [
    { ScenarioError, formatScenarioMessage, limitText },
    { SimulationLimitError },
    { OutputError },
    { SimulatorBugError },
  ] = await Promise.all([
    import("../scenario/index.ts"),
    import("../engine/index.ts"),
    import("../report/output/output-error.ts"),
    import("../run/index.ts"),
  ]);
  if (error instanceof InputError) return inputFailure(error);
  if (error instanceof ScenarioError) {
    const problems = error.problems.map((problem) =>
      scenarioProblem({ ...problem, message: formatScenarioMessage(problem) }),
    );
    return {
      exitCode: exitCodes.badInput,
      code: "invalid-scenario",
      message: error.message,
      problems,
      detail: [],
    };
  }
  if (error instanceof OutputError)
    return {
      exitCode: exitCodes.badInput,
      code: "bad-input",
      message: error.message,
      problems: only(error.message),
      detail: [],
    };
  if (error instanceof SimulationLimitError) {
    const message = `The run stopped at ${limitText(error.limit, error.value)}: ${error.message.replace(/;.*$/, "")}. No report was written.`;
    return {
      exitCode: exitCodes.badInput,
      code: "limit-exceeded",
      message,
      problems: only(message),
      detail: [],
    };
  }
  return internalFailure(error, SimulatorBugError);
}

/** One problem, about no file in particular. */
function only(message: string): Problem[] {
  return [{ message, file: null, field: null }];
}

/** Bad input found by the command line itself: one problem, or the problems it gathered (each
 *  with a file: the scenarios are invalid). */
function inputFailure(error: InputError): Failure {
  const problems = error.where.problems ?? [
    { message: error.message, file: error.where.file ?? null, field: error.where.field ?? null },
  ];
  const invalid =
    error.where.problems !== undefined && problems.every((problem) => problem.file !== null);
  return {
    exitCode: exitCodes.badInput,
    code: invalid ? "invalid-scenario" : "bad-input",
    message: error.message,
    problems,
    detail: [],
  };
}

/** Anything else is the simulator's fault: said as an internal error, with how to reproduce it
 *  when the run is known. */
function internalFailure(
  error: unknown,
  SimulatorBugError: typeof import("../run/index.ts").SimulatorBugError,
): Failure {
  const message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
  const detail =
    error instanceof SimulatorBugError
      ? [
          `  while running ${error.run.scenario} (${error.run.file}) with seed ${error.run.seed}`,
          `  reproduce: ${error.reproduction()}`,
        ]
      : [];
  return {
    exitCode: exitCodes.internalError,
    code: "internal-error",
    message,
    problems: only(message),
    detail,
  };
}

/** A scenario problem: its file, and its field unless it is about the file as a whole. */
export function scenarioProblem(error: { message: string; file: string; field: string }): Problem {
  return {
    message: error.message,
    file: error.file,
    field: error.field === "" ? null : error.field,
  };
}

/** Reports an error on stderr (and as one JSON object on stdout with --json); returns the exit
 *  code. */
export async function reportFailure(
  error: unknown,
  io: CliIo,
  options: { json: boolean } = { json: false },
): Promise<number> {
  const failure = await failureOf(error);
  io.err(`${failure.message}\n`);
  for (const line of failure.detail) io.err(`${line}\n`);
  if (failure.code === "internal-error") {
    if (process.env.SIM_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    else io.err("(a bug in the simulator; set SIM_DEBUG=1 to see where it happened)\n");
  }
  if (options.json) io.out(`${JSON.stringify({ error: failureJson(failure) })}\n`);
  return failure.exitCode;
}

function failureJson({ code, message, problems }: Failure): object {
  const [first] = problems;
  return {
    code,
    message,
    file: first.file,
    field: first.field,
    ...(problems.length > 1 && { problems }),
  };
}

/** Collapses a multi-line message into one line (yargs' "Invalid values:\n  Argument: …"). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
