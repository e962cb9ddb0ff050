// report.html: one self-contained page that works offline — the scenario and its summary, the
// unmet expectations, the summary table with each metric explained in a sentence, every chart
// as inline SVG (pre-rendered, so no script and no network), and the story of the run in plain
// language. All scenario-provided text is escaped. The page has no script, no external
// resource and no timestamp: the same run gives the same bytes.
import { formatMetric } from "../../metrics/format-metric.ts";
import type { GroupRow } from "../../metrics/groups.ts";
import type { KeyEvents } from "../../metrics/key-events.ts";
import { metricOf, summaryColumns } from "../../metrics/columns/index.ts";
import type { MetricValues } from "../../scenario/metric-names.ts";
import { groupColumns } from "../group-columns.ts";
import { escapeHtml } from "./escape.ts";
import { inlineSvg } from "./inline-svg.ts";
import { narrative, type NarrativeLine } from "./narrative.ts";

export interface PageChart {
  name: string;
  title: string;
  caption: string;
  svg: string;
}

export interface ReportPageInput {
  name: string;
  summary: string;
  seed: number;
  fingerprint: string;
  metrics: MetricValues;
  /** One per client group; a table of them follows the summary when there are several. */
  groups?: readonly GroupRow[];
  breaches: readonly string[];
  charts: readonly PageChart[];
  /** One sentence per chart left out, saying why. */
  skippedCharts: readonly string[];
  keyEvents: KeyEvents;
}

export function reportPage(input: ReportPageInput): string {
  const name = escapeHtml(input.name);
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${name} — failover-sim report</title>`,
    `<style>${style}</style>`,
    "</head>",
    "<body>",
    "<main>",
    "<header>",
    `<h1>${name}</h1>`,
    `<p class="summary">${escapeHtml(input.summary)}</p>`,
    `<p class="meta">seed ${input.seed} · fingerprint <code>${escapeHtml(input.fingerprint)}</code> · ` +
      "the same scenario, seed and overrides give this report again, byte for byte</p>",
    "</header>",
    breachesSection(input.breaches),
    summarySection(input.metrics),
    groupsSection(input.groups ?? []),
    chartsSection(input.charts, input.skippedCharts),
    narrativeSection(input.keyEvents),
    "<footer>",
    '<p>Data: <a href="summary.csv">summary.csv</a> · <a href="groups.csv">groups.csv</a> · <a href="timeline.csv">timeline.csv</a> · ' +
      '<a href="events.csv">events.csv</a>. Made by failover-sim.</p>',
    "</footer>",
    "</main>",
    "</body>",
    "</html>",
    "",
  ]
    .filter((part) => part !== "")
    .join("\n")
    .concat("\n");
}

function breachesSection(breaches: readonly string[]): string {
  if (breaches.length === 0) return "";
  const items = breaches.map((breach) => `<li>${escapeHtml(breach)}</li>`).join("\n");
  return `<section id="expectations" class="breaches">\n<h2>Expectations not met</h2>\n<ul>\n${items}\n</ul>\n</section>`;
}

function summarySection(metrics: MetricValues): string {
  const rows = summaryColumns.map((column) => {
    const value = metrics[column];
    const shown =
      value === null ? '<span class="na">n/a</span>' : escapeHtml(formatMetric(column, value));
    return `<tr><th scope="row"><code>${column}</code></th><td class="value">${shown}</td><td>${escapeHtml(metricOf(column).explanation)}</td></tr>`;
  });
  return [
    '<section id="summary">',
    "<h2>Summary</h2>",
    '<p class="note">Times in seconds; n/a means the metric does not apply to this run (say, detection with no fault).</p>',
    "<table>",
    '<thead><tr><th scope="col">metric</th><th scope="col">value</th><th scope="col">meaning</th></tr></thead>',
    "<tbody>",
    ...rows,
    "</tbody>",
    "</table>",
    "</section>",
  ].join("\n");
}

/** What each client group felt, when groups differ: one row per group, each column explained. */
function groupsSection(groups: readonly GroupRow[]): string {
  if (groups.length < 2) return "";
  const header = groupColumns
    .map((column) => `<th scope="col"><code>${column.name}</code></th>`)
    .join("");
  const rows = groups.map(
    (row) =>
      `<tr>${groupColumns
        .map((column, i) => {
          const cell = column.cell(row);
          const shown = cell === "" ? '<span class="na">n/a</span>' : escapeHtml(cell);
          return i === 0
            ? `<th scope="row">${shown}</th>`
            : `<td${i >= 2 ? ' class="value"' : ""}>${shown}</td>`;
        })
        .join("")}</tr>`,
  );
  const meanings = groupColumns.map(
    (column) => `<li><code>${column.name}</code>: ${escapeHtml(column.meaning)}</li>`,
  );
  return [
    '<section id="groups">',
    "<h2>Client groups</h2>",
    '<p class="note">What each client group felt (groups.csv); min_group_availability and max_group_downtime_s above are the worst of these.</p>',
    '<div class="wide">',
    "<table>",
    `<thead><tr>${header}</tr></thead>`,
    "<tbody>",
    ...rows,
    "</tbody>",
    "</table>",
    "</div>",
    '<ul class="note">',
    ...meanings,
    "</ul>",
    "</section>",
  ].join("\n");
}

function chartsSection(charts: readonly PageChart[], skipped: readonly string[]): string {
  const figures = charts.map((chart) => {
    const name = escapeHtml(chart.name);
    return [
      `<figure class="chart" id="chart-${name}">`,
      inlineSvg(chart.svg, chart.name, chart.title),
      `<figcaption>${escapeHtml(chart.caption)}<br>` +
        `<a href="charts/${name}.png">PNG</a> · <a href="charts/${name}.svg">SVG</a> · ` +
        `<a href="charts/${name}.vl.json">Vega-Lite spec</a> (opens in any Vega editor)</figcaption>`,
      "</figure>",
    ].join("\n");
  });
  const notes = skipped.map((note) => `<p class="note">${escapeHtml(note)}</p>`);
  return ['<section id="charts">', "<h2>Charts</h2>", ...figures, ...notes, "</section>"].join(
    "\n",
  );
}

function narrativeSection(keyEvents: KeyEvents): string {
  const story = narrative(keyEvents);
  const items = story.lines.map(item);
  if (story.omitted > 0) {
    items.push(
      `<li class="omitted">… ${story.omitted} more events, left out here; events.csv lists them all (with --trace changes or full).</li>`,
    );
  }
  items.push(...story.closing.map(item));
  return [
    '<section id="narrative">',
    "<h2>What happened</h2>",
    '<p class="note">The main events of the run, in order, at their simulated time since the start (hover for exact seconds).</p>',
    '<ol class="events">',
    ...items,
    "</ol>",
    "</section>",
  ].join("\n");
}

function item(line: NarrativeLine): string {
  return `<li><time title="${line.seconds} s">${line.clock}</time> ${escapeHtml(line.text)}</li>`;
}

const style = `
:root { color-scheme: light; }
body { margin: 0; background: #f7fafc; color: #1a202c; font: 15px/1.5 "DejaVu Sans", system-ui, sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 32px 48px; background: white; }
h1 { margin: 0 0 4px; font-size: 28px; }
h2 { margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #e2e8f0; font-size: 20px; }
.summary { margin: 0; font-size: 17px; }
.meta, .note { color: #4a5568; font-size: 13px; }
figcaption { color: #2d3748; font-size: 14px; max-width: 80em; }
.breaches { border-left: 4px solid #c53030; padding: 4px 16px; background: #fff5f5; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 5px 10px; border-bottom: 1px solid #edf2f7; text-align: left; vertical-align: top; }
td.value { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.na { color: #a0aec0; }
.wide { overflow-x: auto; }
figure.chart { margin: 0 0 32px; }
figure.chart svg { display: block; max-width: 100%; height: auto; margin: 8px 0; }
ol.events { padding-left: 0; list-style: none; }
ol.events li { padding: 3px 0; border-bottom: 1px solid #f7fafc; }
ol.events time { display: inline-block; min-width: 8em; color: #4a5568; font-variant-numeric: tabular-nums; }
li.omitted { color: #4a5568; font-style: italic; }
`.trim();
