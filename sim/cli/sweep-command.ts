// `sim sweep <scenario.ts> --vary path=values [--vary …] [--seeds N | --seed-list a,b] [--workers K]
// [--shard i/N] [--set path=value]… [--out DIR] [--resume] [--no-charts]`: the grid of varied
// values × seeds, run on worker threads, written to reports/<scenario-name>-sweep/ (a shard, to
// reports/<scenario-name>-sweep-shard-<i>-of-<N>/). Every --vary value is checked by resolving
// the scenario before any run, so bad input exits 2 at once. Ctrl-C keeps the finished runs and
// exits 130, saying how to resume. The simulator loads inside the handler, keeping --help fast.
import * as os from "node:os";
import * as path from "node:path";
import type { Argv, CommandModule } from "yargs";
import { exitCodes, InputError } from "./failure.ts";
import type { CliIo } from "./io.ts";
import { single } from "./flags.ts";
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
}

/** 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C. */
export const interruptedExitCode = 130;
const defaultSeedCount = 10;
const maxWorkers = 1024;

export function sweepCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, SweepArgs> {
  return {
    command: "sweep <scenario>",
    describe: "run a scenario over a grid of parameter values × seeds, in parallel",
    builder: (yargs: Argv) =>
      yargs
        .positional("scenario", { type: "string", describe: "scenario file (.ts)", demandOption: true })
        .option("vary", {
          type: "string",
          array: true,
          nargs: 1,
          describe: "a path and its values: a list (replication.mode=async,sync) or a range (detector.timeout=1s..30s/1s); repeatable",
        })
        .option("seeds", { type: "string", describe: `run seeds 1..N at every point [default: ${defaultSeedCount}]` })
        .option("seed-list", { type: "string", describe: "run these seeds instead, e.g. 3,5,8" })
        .option("workers", { type: "string", describe: "worker threads [default: all cores]" })
        .option("shard", { type: "string", describe: "run only the i-th of N slices, i from 1 (e.g. 2/4); join them with sim merge" })
        .option("set", { type: "string", array: true, nargs: 1, describe: "a fixed override for every run, as in sim run (repeatable)" })
        .option("out", { type: "string", describe: "output folder [default: reports/<scenario-name>-sweep/]" })
        .option("resume", { type: "boolean", default: false, describe: "continue an interrupted sweep, skipping its finished runs" })
        .option("charts", { type: "boolean", default: true, describe: "draw charts and report.html (--no-charts: specs only)" }) as unknown as Argv<SweepArgs>,
    handler: async (args) => setExitCode(await sweepErrorsAsInput(() => sweep(args, io))),
  };
}

async function sweep(args: SweepArgs, io: CliIo): Promise<number> {
  const seedsText = single(args.seeds, "--seeds");
  const seedListText = single(args["seed-list"], "--seed-list");
  if (seedsText !== undefined && seedListText !== undefined) throw new InputError("Give either --seeds or --seed-list, not both.");
  const workers = parseWorkers(single(args.workers, "--workers"));
  const shardText = single(args.shard, "--shard");
  const out = single(args.out, "--out");
  const file = args.scenario;
  const set = args.set ?? [];
  // The workers' bundle is made in esbuild's own process while this thread loads the simulator.
  const bundle = import("../sweep/worker-bundle.ts").then(({ bundledWorker }) => bundledWorker(file));
  const [{ loadScenarioFile }, sweepModule, { progressBar }] = await Promise.all([
    import("../scenario/index.ts"),
    import("../sweep/index.ts"),
    import("../sweep/progress.ts"),
  ]);
  const { buildGrid, buildManifest, checkDistinctPaths, checkGrid, parseSeedCount, parseSeedList, parseShard, parseVary, seedRange } = sweepModule;
  const seeds = seedListText !== undefined ? parseSeedList(seedListText) : seedRange(seedsText !== undefined ? parseSeedCount(seedsText) : defaultSeedCount);
  const shard = shardText !== undefined ? parseShard(shardText) : sweepModule.wholeSweep;

  const varies = (args.vary ?? []).map((text) => parseVary(text, file));
  checkDistinctPaths(varies, file);
  const grid = buildGrid(varies, seeds);
  // Workers start now (once their bundle is made): that overlaps with loading and checking the
  // scenario here.
  const plan = { file, set, grid, shard, workers, resume: args.resume };
  const starting = sweepModule.startPool(plan, sweepModule.shardJobs(sweepModule.jobCount(grid), shard).length, bundle);
  const progress = progressBar();
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  let run;
  try {
    const raw = await loadScenarioFile(file);
    checkGrid({ raw, file, set, grid });
    const manifest = buildManifest({ raw, file, set, grid, shard });
    const defaultName = shard.count > 1 ? `${manifest.scenario}-sweep-shard-${shard.index}-of-${shard.count}` : `${manifest.scenario}-sweep`;
    const outDir = out ?? path.join("reports", defaultName);
    process.once("SIGINT", onInterrupt); // a second Ctrl-C gets Node's default: stop at once
    run = {
      manifest,
      outDir,
      ...(await sweepModule.runSweep(
        { ...plan, manifest, outDir, pool: await starting },
        {
          onStart: (total, kept) => progress.start(total, kept),
          onRun: () => progress.tick(),
          note: (text) => io.err(text),
          signal: controller.signal,
        },
      )),
    };
  } finally {
    progress.stop();
    process.removeListener("SIGINT", onInterrupt);
    await (await starting).close();
  }
  const { manifest, outDir } = run;
  if (run.status === "interrupted") {
    io.err(
      `Interrupted: ${run.rows.length} finished run${run.rows.length === 1 ? " is" : "s are"} kept in ${run.partial.file}. ` +
        `Continue with the same command plus --resume.\n`,
    );
    return interruptedExitCode;
  }

  const output = await sweepModule.sweepFiles({ grid, manifest, rows: run.rows, render: args.charts });
  try {
    await sweepModule.writeSweepFiles(outDir, output.files);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`Cannot write the sweep to ${outDir}: ${reason}. Choose another folder with --out.`);
  }
  run.partial.remove();
  printSweepSummary(io, { manifest, grid, output, outDir, runs: run.rows.length });
  return exitCodes.ok;
}

function parseWorkers(text: string | undefined): number {
  if (text === undefined) return os.availableParallelism();
  const workers = Number(text);
  if (!/^\d+$/.test(text.trim()) || workers < 1 || workers > maxWorkers) {
    throw new InputError(`--workers expects a whole number of worker threads from 1 to ${maxWorkers}, got ${JSON.stringify(text)}.`);
  }
  return workers;
}
