// What `sim sweep` and `sim merge` share on the command line: the summary they print on stdout
// (the headline metrics per point, the paired comparisons in words, where the files went),
// the rule that a flag meant once is given once, and turning the sweep layer's SweepError into
// the CLI's InputError (exit 2).
import type { Grid } from "../sweep/grid.ts";
import type { Manifest } from "../sweep/manifest.ts";
import type { SweepOutput } from "../sweep/sweep-files.ts";
import { SweepError } from "../sweep/sweep-error.ts";
import { maxSentences, pairedSentences, summaryTable, tableText } from "../sweep/sweep-summary.ts";
import { bestSettingSentence } from "../sweep/pareto.ts";
import { InputError } from "./failure.ts";
import type { CliIo } from "./io.ts";

export interface SweepSummaryInput {
  manifest: Manifest;
  grid: Grid;
  output: SweepOutput;
  outDir: string;
  runs: number;
}

export function printSweepSummary(
  io: CliIo,
  { manifest, grid, output, outDir, runs }: SweepSummaryInput,
): void {
  const where = `${outDir}${outDir.endsWith("/") ? "" : "/"}`;
  if (manifest.shard.count > 1) {
    io.out(
      `${manifest.scenario}: shard ${manifest.shard.index}/${manifest.shard.count}, ${runs} runs → ${where}runs.csv\n`,
    );
    io.out(`Join the shards with: sim merge <shard folders> --out <folder>\n`);
    return;
  }
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  io.out(
    `${manifest.scenario} — ${plural(grid.points.length, "point")} × ${plural(grid.seeds.length, "seed")} = ${plural(runs, "run")}\n`,
  );
  io.out(tableText(summaryTable(grid, output.stats)));
  const sentences = pairedSentences(grid, output.comparisons);
  if (sentences.length > 0 && sentences.length <= maxSentences) {
    io.out("paired (each value vs the first, same seeds):\n");
    for (const sentence of sentences) io.out(`  ${sentence}\n`);
  } else if (sentences.length > maxSentences) {
    io.out(`paired comparisons: ${sentences.length} in ${where}paired.csv\n`);
  }
  const best = bestSettingSentence(grid, output.stats);
  if (best !== null) io.out(`${best}\n`);
  io.out(`report: ${where}\n`);
}

export async function sweepErrorsAsInput(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SweepError) throw new InputError(error.message);
    throw error;
  }
}
