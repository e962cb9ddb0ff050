// `sim sweep <scenario.ts> --vary path=values [--vary …] [--seeds N | --seed-list a,b] [--workers K]
// [--shard i/N] [--set path=value]… [--out DIR] [--resume] [--no-charts]`: the grid of varied
// values × seeds, run on worker threads, written to reports/<scenario-name>-sweep/ (a shard, to
// reports/<scenario-name>-sweep-shard-<i>-of-<N>/). Every flag, every --vary value and every
// point is checked (resolved and held against the limits) before any run, and every problem is
// reported at once: bad input exits 2 before a single run. The output folder is taken (locked,
// checked) before the runs too, and replaced whole at the end. Finished runs go to a partial
// file beside it as they come: Ctrl-C or SIGTERM keeps them and the previous report, says so and
// exits 130 or 143. --workers beyond the machine's cores is capped, with a note. The simulator
// loads inside the handler, keeping --help fast.
import * as os from "node:os";
import * as path from "node:path";
import type { Argv, CommandModule } from "yargs";
import type { OutputFolder } from "../report/output/index.ts";
import { exitCodes, InputError } from "./failure.ts";
import type { CliIo } from "./io.ts";
import { single } from "./flags.ts";
import { catchInterrupts, Interruption, signalExitCodes } from "./interrupts.ts";
import { limitOptions, parseLimitFlags } from "./limit-flags.ts";
import { loadScenarioWithin } from "./load-scenario.ts";
import { interruptedMessage, openReportFolder } from "./output.ts";
import { printSweepSummary, sweepErrorsAsInput } from "./sweep-output.ts";

interface SweepArgs {
  scenario: string;
  vary?: string[];
  seeds?: string;
  "seed-list"?: string;
  workers?: string;
  shard?: string;
  set?: string[];
  out?: string;
  resume: boolean;
  charts: boolean;
  wait: boolean;
}

/** 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C. */
export const interruptedExitCode = signalExitCodes.SIGINT;
const defaultSeedCount = 10;
const maxWorkers = 1024;

export function sweepCommand(
  io: CliIo,
  setExitCode: (code: number) => void,
): CommandModule<object, SweepArgs> {
  return {
    command: "sweep <scenario>",
    describe: "run a scenario over a grid of parameter values × seeds, in parallel",
    builder: (yargs: Argv) =>
      limitOptions(yargs)
        .positional("scenario", {
          type: "string",
          describe: "scenario file (.ts)",
          demandOption: true,
        })
        .option("vary", {
          type: "string",
          array: true,
          nargs: 1,
          describe:
            "a path and its values: a list (replication.mode=async,sync) or a range (detector.timeout=1s..30s/1s); repeatable",
        })
        .option("seeds", {
          type: "string",
          describe: `run seeds 1..N at every point [default: ${defaultSeedCount}]`,
        })
        .option("seed-list", { type: "string", describe: "run these seeds instead, e.g. 3,5,8" })
        .option("workers", {
          type: "string",
          describe: "worker threads, at most the machine's cores [default: all cores]",
        })
        .option("shard", {
          type: "string",
          describe: "run only the i-th of N slices, i from 1 (e.g. 2/4); join them with sim merge",
        })
        .option("set", {
          type: "string",
          array: true,
          nargs: 1,
          describe: "a fixed override for every run, as in sim run (repeatable)",
        })
        .option("out", {
          type: "string",
          describe: "output folder [default: reports/<scenario-name>-sweep/]",
        })
        .option("resume", {
          type: "boolean",
          default: false,
          describe: "continue an interrupted sweep, skipping its finished runs",
        })
        .option("charts", {
          type: "boolean",
          default: true,
          describe: "draw charts and report.html (--no-charts: specs only)",
        })
        .option("wait", {
          type: "boolean",
          default: false,
          describe: "wait while another sim writes the same folder (instead of exit 2)",
        }) as unknown as Argv<SweepArgs>,
    handler: async (args) => setExitCode(await sweepErrorsAsInput(() => sweep(args, io))),
  };
}

async function sweep(args: SweepArgs, io: CliIo): Promise<number> {
  const file = args.scenario;
  const set = args.set ?? [];
  // The workers' bundle is made in esbuild's own process while this thread loads the simulator.
  const bundle = import("../sweep/worker-bundle.ts").then(({ bundledWorker }) =>
    bundledWorker(file),
  );
  const [scenarioModule, sweepModule, { progressBar }] = await Promise.all([
    import("../scenario/index.ts"),
    import("../sweep/index.ts"),
    import("../sweep/progress.ts"),
  ]);
  const { flags, grid, shard } = parseSweepFlags(args, sweepModule, scenarioModule.ScenarioError);
  const { workers, limits, maxLoadUs } = flags;
  if (workers.capped) io.err(cappedWorkersNote(workers));
  // Workers start now (once their bundle is made), overlapping with loading and checking the
  // scenario here; no run is sent to them before everything is checked.
  const plan = { file, set, grid, shard, workers: workers.count, resume: args.resume, limits };
  const starting = sweepModule.startPool(
    plan,
    sweepModule.shardJobs(sweepModule.jobCount(grid), shard).length,
    bundle,
  );
  const interrupts = catchInterrupts();
  const progress = progressBar();
  let folder: OutputFolder | undefined;
  let existed = false;
  let outDir: string | undefined;
  let run;
  try {
    const raw = await loadScenarioWithin(file, maxLoadUs);
    sweepModule.checkGrid({ raw, file, set, grid, limits });
    const manifest = sweepModule.buildManifest({ raw, file, set, grid, shard });
    outDir = flags.out ?? path.join("reports", defaultSweepFolder(manifest.scenario, shard));
    folder = await openReportFolder(outDir, {
      command: `sim sweep ${file}`,
      wait: args.wait,
      interrupts,
      io,
    });
    existed = folder.exists;
    const partialFile = sweepModule.partialFileOf(outDir);
    run = await sweepModule.runSweep(
      { ...plan, manifest, outDir, partialFile, pool: await starting },
      { ...progressHooks(progress), note: (text) => io.err(text), signal: interrupts.signal },
    );
    progress.stop();
    if (run.status === "interrupted") interrupts.check();
    const report = { grid, manifest, outDir, render: args.charts, signal: interrupts.signal };
    await writeSweepReport(io, sweepModule, folder, run, report);
    return exitCodes.ok;
  } catch (error) {
    if (!(error instanceof Interruption)) throw error;
    io.err(
      interruptedMessage(
        error.signal,
        folder === undefined ? undefined : outDir,
        existed,
        resumableNote(run),
      ),
    );
    return signalExitCodes[error.signal];
  } finally {
    progress.stop();
    run?.partial.close();
    await (await starting).close();
    await folder?.release();
    interrupts.stop();
  }
}

type SweepModule = typeof import("../sweep/index.ts");

/** The sweep's files in place of the folder's, whole; then the finished runs' file goes and the
 *  summary is printed. */
async function writeSweepReport(
  io: CliIo,
  sweepModule: SweepModule,
  folder: OutputFolder,
  run: { rows: Parameters<SweepModule["sweepFiles"]>[0]["rows"]; partial: { remove(): void } },
  report: Omit<Parameters<SweepModule["sweepFiles"]>[0], "rows"> & {
    outDir: string;
    signal: AbortSignal;
  },
): Promise<void> {
  const { grid, manifest, outDir, render, signal } = report;
  const output = await sweepModule.sweepFiles({ grid, manifest, rows: run.rows, render });
  await folder.replace(output.files, signal);
  run.partial.remove();
  printSweepSummary(io, { manifest, grid, output, outDir, runs: run.rows.length });
}

function cappedWorkersNote(workers: { asked: unknown; count: number }): string {
  return `Note: --workers ${workers.asked} is more than this machine's ${workers.count} cores; using ${workers.count}.\n`;
}

/** The progress bar following the runs of a sweep. */
function progressHooks(progress: ReturnType<typeof import("../sweep/progress.ts").progressBar>) {
  return {
    onStart: (total: number, kept: number) => progress.start(total, kept),
    onRun: () => progress.tick(),
  };
}

/** reports/<scenario>-sweep, or -sweep-shard-<i>-of-<n> for one shard of a split sweep. */
function defaultSweepFolder(scenario: string, shard: { index: number; count: number }): string {
  return shard.count > 1
    ? `${scenario}-sweep-shard-${shard.index}-of-${shard.count}`
    : `${scenario}-sweep`;
}

/** What an interrupted sweep kept for --resume, as a sentence ("" when it had not started). */
function resumableNote(run: { rows: unknown[]; partial: { file: string } } | undefined): string {
  if (run === undefined) return "";
  const kept = run.rows.length;
  return ` ${kept} finished run${kept === 1 ? " is" : "s are"} kept in ${run.partial.file}: continue with the same command plus --resume.`;
}

/** Every flag and --vary of the sweep, checked all together: one message lists every problem. */
function parseSweepFlags(
  args: SweepArgs,
  sweepModule: SweepModule,
  ScenarioError: typeof import("../scenario/index.ts").ScenarioError,
) {
  const problems: string[] = [];
  const attempt = <T>(work: () => T): T | undefined => {
    try {
      return work();
    } catch (error) {
      if (
        error instanceof InputError ||
        error instanceof ScenarioError ||
        error instanceof sweepModule.SweepError
      ) {
        problems.push(error.message);
        return undefined;
      }
      throw error;
    }
  };
  const seedsText = attempt(() => single(args.seeds, "--seeds"));
  const seedListText = attempt(() => single(args["seed-list"], "--seed-list"));
  if (seedsText !== undefined && seedListText !== undefined)
    problems.push("Give either --seeds or --seed-list, not both.");
  const workers = attempt(() => parseWorkers(single(args.workers, "--workers")));
  const shardText = attempt(() => single(args.shard, "--shard"));
  const out = attempt(() => single(args.out, "--out"));
  const limitFlags = attempt(() => parseLimitFlags(args as unknown as Record<string, unknown>));
  const seeds = attempt(() =>
    seedListText !== undefined
      ? sweepModule.parseSeedList(seedListText)
      : sweepModule.seedRange(
          seedsText !== undefined ? sweepModule.parseSeedCount(seedsText) : defaultSeedCount,
        ),
  );
  const shard = attempt(() =>
    shardText !== undefined ? sweepModule.parseShard(shardText) : sweepModule.wholeSweep,
  );
  const varies = (args.vary ?? []).map((text) =>
    attempt(() => sweepModule.parseVary(text, args.scenario)),
  );
  const parsed = varies.filter((vary) => vary !== undefined);
  if (parsed.length === varies.length)
    attempt(() => sweepModule.checkDistinctPaths(parsed, args.scenario));
  if (
    problems.length > 0 ||
    workers === undefined ||
    limitFlags === undefined ||
    seeds === undefined ||
    shard === undefined
  ) {
    throw new InputError(problems.join("\n"));
  }
  const grid = sweepModule.buildGrid(parsed, seeds);
  return { flags: { workers, out, ...limitFlags }, grid, shard };
}

/** --workers: at most the machine's cores (more threads only wait for a core, each holding a
 *  copy of the simulator in memory), which is also the default. */
function parseWorkers(text: string | undefined): { count: number; asked: number; capped: boolean } {
  const cores = os.availableParallelism();
  if (text === undefined) return { count: cores, asked: cores, capped: false };
  const workers = Number(text);
  if (!/^\d+$/.test(text.trim()) || workers < 1 || workers > maxWorkers) {
    throw new InputError(
      `--workers expects a whole number of worker threads from 1 to ${maxWorkers}, got ${JSON.stringify(text)}.`,
    );
  }
  return { count: Math.min(workers, cores), asked: workers, capped: workers > cores };
}
