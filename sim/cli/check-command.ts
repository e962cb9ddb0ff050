// `sim check [files or dirs...] [--seeds N] [--set path=value]... [--json] [--junit FILE]`: every
// scenario's `expect` judged (sim/check), as a table on stdout (or one JSON object with --json),
// optionally as JUnit XML written atomically. A folder means its scenario files (*.ts, *.mts,
// *.js, *.mjs; not recursive), sorted by name; the default is scenarios/. A module there without
// a default export is a helper the scenarios share: skipped with a note. Every scenario is loaded
// and validated first — any bad input (a missing path, a scenario that does not load or
// validate, a bad --set) is reported, one paragraph per file, and exits 2 before anything runs or
// is written. Then the scenarios with expectations run in order (those without are listed, not
// run); exit 1 if any expectation failed, else 0. The simulator loads inside the handler,
// keeping `sim --help` fast.
import * as fs from "node:fs/promises";
import * as path from "node:path";
import type { Argv, CommandModule } from "yargs";
import type { CheckPlan, ScenarioCheck } from "../check/index.ts";
import { exitCodes, failureOf, InputError, scenarioProblem, type Problem } from "./failure.ts";
import type { CliIo } from "./io.ts";
import { single } from "./flags.ts";
import { limitOptions, parseLimitFlags, type LimitFlags } from "./limit-flags.ts";
import { compileAhead, loadScenarioWithin } from "./load-scenario.ts";

interface CheckArgs {
  paths?: string[];
  seeds?: string;
  set?: string[];
  json: boolean;
  junit?: string;
}

const defaultFolder = "scenarios";
const maxSeeds = 10_000;

export function checkCommand(
  io: CliIo,
  setExitCode: (code: number) => void,
): CommandModule<object, CheckArgs> {
  return {
    command: "check [paths..]",
    describe: "run each scenario and judge its expect; exit 1 on any breach",
    builder: (yargs: Argv) =>
      limitOptions(yargs)
        .positional("paths", {
          type: "string",
          array: true,
          default: [defaultFolder],
          describe: "scenario files or folders of them",
        })
        .option("seeds", {
          type: "string",
          describe: "run seeds 1..N and judge over them [default: each scenario's own seed]",
        })
        .option("set", {
          type: "string",
          array: true,
          nargs: 1,
          describe: "override a field of every scenario, as in sim run (repeatable)",
        })
        .option("json", {
          type: "boolean",
          default: false,
          describe: "print the whole check as one JSON object",
        })
        .option("junit", {
          type: "string",
          describe: "also write the check as JUnit XML to this file",
        }) as unknown as Argv<CheckArgs>,
    handler: async (args) => setExitCode(await check(args, io)),
  };
}

async function check(args: CheckArgs, io: CliIo): Promise<number> {
  const seeds = parseSeeds(single(args.seeds, "--seeds"));
  const { limits, maxLoadUs } = parseLimitFlags(args as unknown as Record<string, unknown>);
  const junit = single(args.junit, "--junit");
  if (junit !== undefined) checkJunitPath(junit);
  const files = await scenarioFiles(
    args.paths !== undefined && args.paths.length > 0 ? args.paths : [defaultFolder],
  );
  const [checkModule, { replaceFile }, { checkProgressBar }] = await Promise.all([
    import("../check/index.ts"),
    import("../report/index.ts"),
    import("../check/progress.ts"),
  ]);

  // Everything is validated before anything runs: bad input never leaves a partial check behind.
  const plans = await planChecks(files, args, { seeds, limits, maxLoadUs }, io);

  const progress = checkProgressBar();
  const checks: ScenarioCheck[] = [];
  try {
    progress.start(plans.reduce((total, plan) => total + plan.seeds.length, 0));
    for (const plan of plans)
      checks.push(checkModule.runCheck(plan, () => progress.tick(plan.name)));
  } finally {
    progress.stop();
  }

  io.out(args.json ? checkModule.checkJson(checks, seeds) : checkModule.checkTable(checks, seeds));
  if (junit !== undefined) {
    try {
      await replaceFile(junit, checkModule.checkJunit(checks));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new InputError(
        `Cannot write the JUnit report to ${junit}: ${reason}. Choose another file with --junit.`,
      );
    }
  }
  return checkModule.countChecks(checks).failed > 0 ? exitCodes.expectationFailed : exitCodes.ok;
}

/** Each file loaded and its check planned; every file's problems at once, or nothing runs. A
 *  helper module (no scenario) is noted and skipped. */
async function planChecks(
  files: string[],
  args: CheckArgs,
  options: Pick<LimitFlags, "limits" | "maxLoadUs"> & { seeds: number[] | null },
  io: CliIo,
): Promise<CheckPlan[]> {
  for (const file of files) compileAhead(file); // esbuild compiles them side by side
  const [{ loadScenarioOrHelper, ScenarioError }, checkModule] = await Promise.all([
    import("../scenario/index.ts"),
    import("../check/index.ts"),
  ]);
  const { seeds, limits, maxLoadUs } = options;
  const plans: CheckPlan[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    try {
      const raw = await loadScenarioWithin(file, maxLoadUs, loadScenarioOrHelper);
      if (raw === null) {
        io.err(helperNote(file));
        continue;
      }
      plans.push(
        checkModule.planCheck(raw, {
          file,
          overrides: args.set ?? [],
          limits,
          ...(seeds !== null && { seeds }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      problems.push(scenarioProblem(error));
    }
  }
  if (problems.length > 0) {
    const summary =
      problems.length > 1
        ? [`${problems.length} of ${files.length} scenario files are not valid; nothing was run.`]
        : [];
    throw new InputError([...problems.map((problem) => problem.message), ...summary].join("\n"), {
      problems,
    });
  }
  return plans;
}

/** A file in a folder that may be a scenario: TypeScript or JavaScript, not a declaration file. */
export function isScenarioFileName(name: string): boolean {
  return /\.(m?ts|m?js)$/.test(name) && !/\.d\.m?ts$/.test(name);
}

/** What `sim check` and `sim list` say of a module without a default export in a folder. */
export function helperNote(file: string): string {
  return `note: ${file} has no default export; skipped as a helper module, not a scenario.\n`;
}

/** The scenario files named: a file as given, a folder's scenario files (sorted, not recursive);
 *  each once. */
async function scenarioFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const given of paths) {
    const stats = await fs.stat(given).catch(() => null);
    if (stats === null)
      throw new InputError(
        `${given}: expected a scenario file or a folder of them, but there is no such file or folder.`,
      );
    if (!stats.isDirectory()) {
      add(given);
      continue;
    }
    const entries = await fs.readdir(given, { withFileTypes: true });
    const names = entries
      .filter((entry) => entry.isFile() && isScenarioFileName(entry.name))
      .map((entry) => entry.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (names.length === 0)
      throw new InputError(
        `${given}: expected a folder of scenario files (*.ts, *.mts, *.js, *.mjs), but it holds none.`,
      );
    for (const name of names) add(path.join(given, name));
  }
  return files;
}

/** `sim check … --junit FILE` that failed before judging anything (bad input, even a bad flag):
 *  FILE still gets a JUnit report, with a failing test case per problem, so CI shows why. Read
 *  from the raw arguments, since yargs may have failed to parse them. */
export async function junitOnFailure(
  argv: readonly string[],
  error: unknown,
  io: CliIo,
): Promise<void> {
  const given = argv.flatMap((arg, i) =>
    arg === "--junit"
      ? [argv[i + 1]]
      : arg.startsWith("--junit=")
        ? [arg.slice("--junit=".length)]
        : [],
  );
  const file = given.length === 1 ? given[0] : undefined;
  if (file === undefined || !isJunitPath(file)) return;
  const [{ failureJunit }, { replaceFile }, failure] = await Promise.all([
    import("../check/index.ts"),
    import("../report/index.ts"),
    failureOf(error),
  ]);
  try {
    await replaceFile(file, failureJunit(failure.code, failure.problems));
  } catch (writeError) {
    io.err(
      `(the JUnit report could not be written to ${file} either: ${writeError instanceof Error ? writeError.message : String(writeError)})\n`,
    );
  }
}

/** `--seeds N`: seeds 1..N; null when not given (each scenario runs its own seed). */
function parseSeeds(text: string | undefined): number[] | null {
  if (text === undefined) return null;
  const count = Number(text);
  if (!/^\d+$/.test(text.trim()) || count < 1 || count > maxSeeds) {
    throw new InputError(
      `--seeds expects a whole number of seeds from 1 to ${maxSeeds}, got ${JSON.stringify(text)}.`,
      { field: "--seeds" },
    );
  }
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** A JUnit file must be a plain file name in some folder (it is written through a temp file there). */
function checkJunitPath(file: string): void {
  if (!isJunitPath(file))
    throw new InputError(
      `--junit expects a file to write, like reports/check.xml, got ${JSON.stringify(file)}.`,
      { field: "--junit" },
    );
}

function isJunitPath(file: string | undefined): file is string {
  if (file === undefined) return false;
  const name = path.basename(file);
  return !(
    file.endsWith("/") ||
    file.endsWith(path.sep) ||
    name === "" ||
    name === "." ||
    name === ".." ||
    name.startsWith(".")
  );
}
