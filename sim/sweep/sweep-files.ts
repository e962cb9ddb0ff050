// The files of a sweep output folder, built from its rows alone (so `sim merge`, which has only
// the shards' runs.csv, builds the very same bytes as the sweep that ran everything):
// - always: runs.csv and sweep.json;
// - the whole sweep (not a shard): aggregate.csv, paired.csv, charts/*.vl.json (the trade-off
//   charts, and the timing metrics' distributions over seeds, cdf-charts.ts), and unless
//   charts are turned off, charts/*.svg, charts/*.png and report.html.
// A shard's folder holds only its runs and manifest: statistics of a slice would mislead.
// The folder is replaced whole (report/output), so it never mixes two sweeps.
import { renderCharts } from "../report/charts/render.ts";
import type { OutputFile } from "../report/index.ts";
import { aggregate, aggregateCsv, type PointStatistics } from "./aggregate.ts";
import type { Grid } from "./grid.ts";
import { manifestJson, type Manifest } from "./manifest.ts";
import { pairedComparisons, pairedCsv, type PairedComparison } from "./paired.ts";
import { runsCsv, type SweepRow } from "./runs-table.ts";
import { sweepHtml } from "./sweep-html.ts";
import { bestSettingSentence } from "./pareto.ts";
import { pairedSentences, summaryTable } from "./sweep-summary.ts";
import { chartMetrics, tradeoffCharts } from "./tradeoff-charts.ts";
import { cdfChartNames, cdfCharts } from "./cdf-charts.ts";

export interface SweepFilesInput {
  grid: Grid;
  manifest: Manifest;
  rows: readonly SweepRow[];
  /** Draw SVG/PNG charts and report.html (slower); the specs are written either way. */
  render: boolean;
}

export interface SweepOutput {
  files: OutputFile[];
  /** Empty for a shard. */
  stats: PointStatistics[];
  comparisons: PairedComparison[];
}

const chartNames = ["tradeoff", "pareto", ...chartMetrics, ...cdfChartNames];
/** Every name a sweep's folder may hold (folders end in "/"). */
export const sweepReportNames: readonly string[] = [
  "charts/",
  "runs.csv",
  "sweep.json",
  "aggregate.csv",
  "paired.csv",
  "report.html",
  ...chartNames.flatMap((name) =>
    ["vl.json", "svg", "png"].map((extension) => `charts/${name}.${extension}`),
  ),
];

export async function sweepFiles({
  grid,
  manifest,
  rows,
  render,
}: SweepFilesInput): Promise<SweepOutput> {
  const files: OutputFile[] = [
    { name: "runs.csv", content: await runsCsv(grid, rows) },
    { name: "sweep.json", content: manifestJson(manifest) },
  ];
  if (manifest.shard.count > 1) return { files, stats: [], comparisons: [] };

  const stats = aggregate(grid, rows);
  const comparisons = pairedComparisons(grid, rows);
  files.push({ name: "aggregate.csv", content: await aggregateCsv(grid, stats) });
  files.push({ name: "paired.csv", content: await pairedCsv(grid, comparisons) });
  const distributions = cdfCharts(grid, rows);
  const charts = [...tradeoffCharts(grid, stats), ...distributions];
  for (const chart of charts)
    files.push({
      name: `charts/${chart.name}.vl.json`,
      content: `${JSON.stringify(chart.spec, null, 2)}\n`,
    });
  if (!render) return { files, stats, comparisons };

  const drawn: { title: string; svg: string; file: string }[] = [];
  const rendered = await renderCharts(charts.map((chart) => chart.spec));
  for (const [i, chart] of charts.entries()) {
    const { svg, png } = rendered[i];
    files.push(
      { name: `charts/${chart.name}.svg`, content: svg },
      { name: `charts/${chart.name}.png`, content: png },
    );
    drawn.push({ title: chart.title, svg, file: chart.name });
  }
  const html = sweepHtml({
    manifest,
    grid,
    table: summaryTable(grid, stats),
    sentences: pairedSentences(grid, comparisons),
    best: bestSettingSentence(grid, stats),
    charts: drawn.slice(0, charts.length - distributions.length),
    distributions: drawn.slice(charts.length - distributions.length),
  });
  files.push({ name: "report.html", content: html });
  return { files, stats, comparisons };
}
