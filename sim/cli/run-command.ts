// `sim run <scenario.ts> [--seed N] [--set path=value]... [--out DIR] [--json] [--trace LEVEL]`:
// one run, its report folder (default reports/<scenario-name>/), and a summary on stdout — the
// human table, or with --json exactly one JSON object (the summary row) and nothing else.
// Exit 1 when an expectation is not met (the report is still written); 2 on bad input or a limit
// reached (--max-…), in which case nothing is written. `--no-charts` skips rendering: only the
// CSV files are written. The report folder is replaced whole, under its lock (`--wait` queues
// behind another writer), only once everything is ready: Ctrl-C or SIGTERM before that leaves the
// previous report as it was and exits 130 or 143, saying so. The run is taken in slices so that
// a signal or the wall-clock limit is answered within a fraction of a second.
// The simulator is imported inside the handler so that `sim --help` stays fast.
import * as path from "node:path";
import type { Argv, CommandModule } from "yargs";
import { defaultTraceLevel, traceLevels, type TraceLevel } from "../run/trace-level.ts";
import { exitCodes } from "./failure.ts";
import type { CliIo } from "./io.ts";
import { oneScenarioOptions, parseSeed, single } from "./flags.ts";
import { catchInterrupts, Interruption, signalExitCodes } from "./interrupts.ts";
import { limitOptions, parseLimitFlags } from "./limit-flags.ts";
import { compileAhead, loadScenarioWithin } from "./load-scenario.ts";
import { interruptedMessage, openReportFolder, waitOption } from "./output.ts";
import { runInSlices } from "./run-slices.ts";
import type { OutputFolder } from "../report/output/index.ts";

interface RunArgs {
  scenario: string;
  seed?: string;
  set?: string[];
  out?: string;
  json: boolean;
  charts: boolean;
  trace: TraceLevel;
  wait: boolean;
}

export function runCommand(
  io: CliIo,
  setExitCode: (code: number) => void,
): CommandModule<object, RunArgs> {
  return {
    command: "run <scenario>",
    describe: "run one scenario and write its report",
    builder: (yargs: Argv) =>
      limitOptions(
        oneScenarioOptions(yargs)
          .option("out", {
            type: "string",
            describe: "report folder, replaced whole [default: reports/<scenario-name>/]",
          })
          .option("json", {
            type: "boolean",
            default: false,
            describe: "print the summary row as one JSON object",
          })
          .option("trace", {
            choices: traceLevels,
            default: defaultTraceLevel,
            describe: "events kept in events.csv",
          })
          .option("charts", {
            type: "boolean",
            default: true,
            describe: "write report.html and charts/ (--no-charts: the CSV files only)",
          })
          .option("wait", waitOption),
        { wall: true },
      ) as unknown as Argv<RunArgs>,
    handler: async (args) => setExitCode(await run(args, io)),
  };
}

async function run(args: RunArgs, io: CliIo): Promise<number> {
  const seed = parseSeed(single(args.seed, "--seed"));
  const out = single(args.out, "--out");
  const { limits, maxWallUs, maxLoadUs } = parseLimitFlags(
    args as unknown as Record<string, unknown>,
  );
  const interrupts = catchInterrupts();
  let folder: OutputFolder | undefined;
  let outDir = out;
  let existed = false;
  try {
    compileAhead(args.scenario);
    const [{ startRun }, { runReportFiles, summaryTable }, { defaultLimits }] = await Promise.all([
      import("../run/index.ts"),
      import("../report/index.ts"),
      import("../scenario/limits.ts"),
    ]);
    const raw = await loadScenarioWithin(args.scenario, maxLoadUs);
    interrupts.check();
    const started = startRun(raw, {
      file: args.scenario,
      seed,
      overrides: args.set ?? [],
      trace: args.trace,
      limits,
    });
    outDir = out ?? path.join("reports", started.name);
    folder = await openReportFolder(outDir, {
      command: `sim run ${args.scenario}`,
      wait: args.wait,
      interrupts,
      io,
    });
    existed = folder.exists;
    interrupts.check();
    const result = await runInSlices(started, {
      check: interrupts.check,
      maxWallUs,
      maxMemoryMb: limits.maxMemoryMb ?? defaultLimits.maxMemoryMb,
    });
    // Rendered before the folder is touched: a rendering failure is a bug (exit 1), not bad input.
    const files = await runReportFiles(result, { charts: args.charts });
    await folder.replace(files, interrupts.signal);

    if (args.json) {
      io.out(
        `${JSON.stringify({ scenario: result.name, seed: result.seed, fingerprint: result.fingerprint, ...result.metrics })}\n`,
      );
      for (const breach of result.breaches) io.err(`expectation not met: ${breach}\n`);
    } else {
      io.out(summaryTable(result));
      io.out(`report: ${outDir}${path.sep}\n`);
    }
    return result.breaches.length > 0 ? exitCodes.expectationFailed : exitCodes.ok;
  } catch (error) {
    if (!(error instanceof Interruption)) throw error;
    io.err(interruptedMessage(error.signal, folder === undefined ? undefined : outDir, existed));
    return signalExitCodes[error.signal];
  } finally {
    await folder?.release();
    interrupts.stop();
  }
}
