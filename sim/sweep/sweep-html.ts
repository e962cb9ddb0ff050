// report.html of a sweep: one self-contained page that works offline — what was swept, which
// setting is best for which priority (one sentence), the trade-off charts and the timing
// metrics' distributions over seeds (inline SVG), the paired comparisons in words (a few; the rest are in
// paired.csv), the per-point table of the headline metrics, and links to the CSV files beside
// it. Nothing on it depends on the machine or the clock, so a merged sweep writes the same page.
import { fontFamily } from "../report/charts/theme.ts";
import type { Grid } from "./grid.ts";
import type { Manifest } from "./manifest.ts";
import { maxSentences } from "./sweep-summary.ts";

export interface SweepHtmlInput {
  manifest: Manifest;
  grid: Grid;
  /** summaryTable() rows, header first. */
  table: string[][];
  sentences: string[];
  /** Which setting is best for which priority, and how many are Pareto-optimal (pareto.ts). */
  best: string | null;
  charts: DrawnChart[];
  /** The timing metrics' CDFs over seeds (cdf-charts.ts). */
  distributions: DrawnChart[];
}

interface DrawnChart {
  title: string;
  svg: string;
  file: string;
}

export function sweepHtml({
  manifest,
  grid,
  table,
  sentences,
  best,
  charts,
  distributions,
}: SweepHtmlInput): string {
  const runs = grid.points.length * grid.seeds.length;
  const varied = grid.varies
    .map((vary) => `<li><code>${escape(vary.path)}</code>: ${escape(valuesText(vary.values))}</li>`)
    .join("\n");
  const fixed =
    manifest.set.length > 0
      ? `<p>Fixed: ${manifest.set.map((s) => `<code>--set ${escape(s)}</code>`).join(" ")}</p>`
      : "";
  const pairedNote = `<p class="note">Each value against the first, on the same seeds: mean per-seed difference ± half-width of its 95% confidence interval (Student's t). All metrics in <a href="paired.csv">paired.csv</a>.</p>`;
  const paired =
    sentences.length === 0
      ? ""
      : sentences.length <= maxSentences
        ? `<h2>Paired comparisons</h2>\n<ul>\n${sentences.map((s) => `<li>${escape(s)}</li>`).join("\n")}\n</ul>\n${pairedNote}`
        : `<h2>Paired comparisons</h2>\n<p>${sentences.length} comparisons, too many to list here.</p>\n${pairedNote}`;
  const figures = charts.map(figure).join("\n");
  const timing =
    distributions.length === 0
      ? ""
      : `<h2>Timing over seeds</h2>\n<p class="note">Each timing metric's empirical distribution: the share of runs whose value is at most x. Runs without a value (nothing detected) are left out.</p>\n${distributions.map(figure).join("\n")}`;
  const [header, ...rows] = table;
  const tableHtml = `<table>\n<thead><tr>${header.map((cell) => `<th>${escape(cell)}</th>`).join("")}</tr></thead>\n<tbody>\n${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join("")}</tr>`)
    .join("\n")}\n</tbody>\n</table>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(manifest.scenario)} — sweep</title>
<style>
body { font-family: "${fontFamily}", sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #1a202c; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; }
code { background: #edf2f7; padding: 0 0.2em; }
table { border-collapse: collapse; font-size: 0.9em; } th, td { border-bottom: 1px solid #e2e8f0; padding: 0.2em 0.6em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
figure { margin: 1.5em 0; } figure svg { max-width: 100%; height: auto; } figcaption { font-size: 0.85em; color: #4a5568; }
.note { font-size: 0.85em; color: #4a5568; }
</style>
</head>
<body>
<h1>${escape(manifest.scenario)} — sweep</h1>
<p>${escape(manifest.summary)}</p>
<p>${grid.points.length} parameter point${grid.points.length === 1 ? "" : "s"} × ${grid.seeds.length} seed${grid.seeds.length === 1 ? "" : "s"} (${escape(valuesText(grid.seeds.map(String)))}) = ${runs} runs. Varied:</p>
<ul>
${varied}
</ul>
${fixed}
<h2>Trade-off charts</h2>
${best === null ? "" : `<p class="best">${escape(best)} The <code>pareto</code> column of <a href="aggregate.csv">aggregate.csv</a> marks them.</p>`}
${figures || "<p>No charts: no path takes two or more values.</p>"}
${timing}
${paired}
<h2>Per point</h2>
<p class="note">Mean over the seeds ± half-width of the 95% confidence interval of the mean (Student's t, n − 1 degrees of freedom). Every metric with n, sd, p50, p95, p99, min and max: <a href="aggregate.csv">aggregate.csv</a>; every run: <a href="runs.csv">runs.csv</a>.</p>
${tableHtml}
</body>
</html>
`;
}

function figure(chart: DrawnChart): string {
  return `<figure>\n${chart.svg}\n<figcaption>${escape(chart.title)} — <a href="charts/${escape(chart.file)}.vl.json">Vega-Lite spec</a>, <a href="charts/${escape(chart.file)}.png">PNG</a></figcaption>\n</figure>`;
}

function valuesText(values: readonly string[]): string {
  return values.length <= 12
    ? values.join(", ")
    : `${values.slice(0, 5).join(", ")}, … , ${values.slice(-3).join(", ")} (${values.length} values)`;
}

function escape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
