// `sim run <scenario.ts> [--seed N] [--set path=value]... [--out DIR] [--json] [--trace LEVEL]`:
// one run, its report folder (default reports/<scenario-name>/), and a summary on stdout — the
// human table, or with --json exactly one JSON object (the summary row) and nothing else.
// Exit 1 when an expectation is not met (the report is still written); 2 on bad input, in which
// case nothing is written. `--no-charts` skips rendering: only the CSV files are written (and an
// earlier run's charts and report.html in the folder are removed, so it never mixes two runs).
// The simulator is imported inside the handler so that `sim --help` stays fast.
import * as path from "node:path";
import type { Argv, CommandModule } from "yargs";
import { defaultTraceLevel, traceLevels, type TraceLevel } from "../metrics/trace-level.ts";
import { exitCodes, InputError } from "./failure.ts";
import type { CliIo } from "./io.ts";
import { oneScenarioOptions, parseSeed, single } from "./flags.ts";

interface RunArgs {
  scenario: string;
  seed?: string;
  set?: string[];
  out?: string;
  json: boolean;
  charts: boolean;
  trace: TraceLevel;
}

export function runCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, RunArgs> {
  return {
    command: "run <scenario>",
    describe: "run one scenario and write its report",
    builder: (yargs: Argv) =>
      oneScenarioOptions(yargs)
        .option("out", { type: "string", describe: "report folder [default: reports/<scenario-name>/]" })
        .option("json", { type: "boolean", default: false, describe: "print the summary row as one JSON object" })
        .option("trace", { choices: traceLevels, default: defaultTraceLevel, describe: "events kept in events.csv" })
        .option("charts", {
          type: "boolean",
          default: true,
          describe: "write report.html and charts/ (--no-charts: the CSV files only)",
        }) as unknown as Argv<RunArgs>,
    handler: async (args) => setExitCode(await run(args, io)),
  };
}

async function run(args: RunArgs, io: CliIo): Promise<number> {
  const seed = parseSeed(single(args.seed, "--seed"));
  const out = single(args.out, "--out");
  const [{ loadScenarioFile }, { runScenario }, { runReportFiles, writeFilesAtomically, summaryTable }] = await Promise.all([
    import("../scenario/index.ts"),
    import("../metrics/index.ts"),
    import("../report/index.ts"),
  ]);

  const raw = await loadScenarioFile(args.scenario);
  const result = runScenario(raw, { file: args.scenario, seed, overrides: args.set ?? [], trace: args.trace });
  const outDir = out ?? path.join("reports", result.name);
  // Rendered before the folder is touched: a rendering failure is a bug (exit 1), not bad input.
  const { files, obsolete } = await runReportFiles(result, { charts: args.charts });
  try {
    await writeFilesAtomically(outDir, files, {}, obsolete);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`Cannot write the report to ${outDir}: ${reason}. Choose another folder with --out.`);
  }

  if (args.json) {
    io.out(`${JSON.stringify({ scenario: result.name, seed: result.seed, fingerprint: result.fingerprint, ...result.metrics })}\n`);
    for (const breach of result.breaches) io.err(`expectation not met: ${breach}\n`);
  } else {
    io.out(summaryTable(result));
    io.out(`report: ${outDir}${path.sep}\n`);
  }
  return result.breaches.length > 0 ? exitCodes.expectationFailed : exitCodes.ok;
}

