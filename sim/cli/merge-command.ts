// `sim merge <dir>... --out DIR [--no-charts]`: joins the output folders of the shards of one
// sweep (`sim sweep … --shard i/N`) into exactly what the unsharded sweep writes — runs.csv,
// aggregate.csv, paired.csv, sweep.json and the charts, byte for byte. Shards that do not fit
// together (another sweep, a missing or repeated shard, an unfinished one) exit 2 naming the
// folder. The --out folder is replaced whole under its lock, like a sweep's; it may not be one of
// the shards' folders, inside one, or hold one (replacing it would destroy an input). The sweep
// code loads inside the handler, keeping --help fast.
import * as path from "node:path";
import type { Argv, CommandModule } from "yargs";
import type { OutputFolder } from "../report/output/index.ts";
import { exitCodes, InputError } from "./failure.ts";
import type { CliIo } from "./io.ts";
import { single } from "./flags.ts";
import { catchInterrupts, Interruption, signalExitCodes } from "./interrupts.ts";
import { interruptedMessage, openReportFolder, waitOption } from "./output.ts";
import { printSweepSummary, sweepChartsOption, sweepErrorsAsInput } from "./sweep-output.ts";

interface MergeArgs {
  dirs: string[];
  out: string;
  charts: boolean;
  wait: boolean;
}

export function mergeCommand(
  io: CliIo,
  setExitCode: (code: number) => void,
): CommandModule<object, MergeArgs> {
  return {
    command: "merge <dirs..>",
    describe: "join the output folders of a sharded sweep into the output of the whole sweep",
    builder: (yargs: Argv) =>
      yargs
        .positional("dirs", {
          type: "string",
          array: true,
          describe: "the output folder of every shard",
          demandOption: true,
        })
        .option("out", {
          type: "string",
          demandOption: true,
          describe: "folder for the merged sweep",
        })
        .option("charts", sweepChartsOption)
        .option("wait", waitOption) as unknown as Argv<MergeArgs>,
    handler: async (args) => setExitCode(await sweepErrorsAsInput(() => merge(args, io))),
  };
}

async function merge(args: MergeArgs, io: CliIo): Promise<number> {
  const outDir = single(args.out as string | string[], "--out")!;
  const { mergeShards, sweepFiles } = await import("../sweep/index.ts");
  const { manifest, grid, rows } = await mergeShards(args.dirs);
  checkOutside(outDir, args.dirs);
  const interrupts = catchInterrupts();
  let folder: OutputFolder | undefined;
  let existed = false;
  try {
    folder = await openReportFolder(outDir, {
      command: `sim merge ${args.dirs.join(" ")}`,
      wait: args.wait,
      interrupts,
      io,
    });
    existed = folder.exists;
    const output = await sweepFiles({ grid, manifest, rows, render: args.charts });
    await folder.replace(output.files, interrupts.signal);
    printSweepSummary(io, { manifest, grid, output, outDir, runs: rows.length });
    return exitCodes.ok;
  } catch (error) {
    if (!(error instanceof Interruption)) throw error;
    io.err(interruptedMessage(error.signal, folder === undefined ? undefined : outDir, existed));
    return signalExitCodes[error.signal];
  } finally {
    await folder?.release();
    interrupts.stop();
  }
}

/** The merged folder replaces --out whole: it must not be, lie in or hold a shard's folder. */
function checkOutside(outDir: string, dirs: readonly string[]): void {
  const out = path.resolve(outDir);
  const within = (inner: string, outer: string) =>
    inner === outer || inner.startsWith(`${outer}${path.sep}`);
  for (const dir of dirs) {
    const input = path.resolve(dir);
    if (within(out, input) || within(input, out)) {
      const how = out === input ? "is" : within(out, input) ? "is inside" : "holds";
      throw new InputError(
        `--out ${outDir} ${how} the shard folder ${dir}; merging there would destroy an input. Choose another folder with --out.`,
      );
    }
  }
}
