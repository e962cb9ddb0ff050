// `sim merge <dir>... --out DIR [--no-charts]`: joins the output folders of the shards of one
// sweep (`sim sweep … --shard i/N`) into exactly what the unsharded sweep writes — runs.csv,
// aggregate.csv, paired.csv, sweep.json and the charts, byte for byte. Shards that do not fit
// together (another sweep, a missing or repeated shard, an unfinished one) exit 2 naming the
// folder. The sweep code loads inside the handler, keeping --help fast.
import type { Argv, CommandModule } from "yargs";
import { exitCodes, InputError } from "./failure.ts";
import type { CliIo } from "./io.ts";
import { single } from "./flags.ts";
import { printSweepSummary, sweepErrorsAsInput } from "./sweep-output.ts";

interface MergeArgs {
  dirs: string[];
  out: string;
  charts: boolean;
}

export function mergeCommand(io: CliIo, setExitCode: (code: number) => void): CommandModule<object, MergeArgs> {
  return {
    command: "merge <dirs..>",
    describe: "join the output folders of a sharded sweep into the output of the whole sweep",
    builder: (yargs: Argv) =>
      yargs
        .positional("dirs", { type: "string", array: true, describe: "the output folder of every shard", demandOption: true })
        .option("out", { type: "string", demandOption: true, describe: "folder for the merged sweep" })
        .option("charts", { type: "boolean", default: true, describe: "draw charts and report.html (--no-charts: specs only)" }) as unknown as Argv<MergeArgs>,
    handler: async (args) => setExitCode(await sweepErrorsAsInput(() => merge(args, io))),
  };
}

async function merge(args: MergeArgs, io: CliIo): Promise<number> {
  const outDir = single(args.out as string | string[], "--out")!;
  const { mergeShards, sweepFiles, writeSweepFiles } = await import("../sweep/index.ts");
  const { manifest, grid, rows } = await mergeShards(args.dirs);
  const output = await sweepFiles({ grid, manifest, rows, render: args.charts });
  try {
    await writeSweepFiles(outDir, output.files);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`Cannot write the merged sweep to ${outDir}: ${reason}. Choose another folder with --out.`);
  }
  printSweepSummary(io, { manifest, grid, output, outDir, runs: rows.length });
  return exitCodes.ok;
}
