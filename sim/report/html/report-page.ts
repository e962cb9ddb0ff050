// report.html: one self-contained page that works offline, leading with the story — the title,
// the scenario's story and lesson and its three key figures (lead-section.ts) — then the unmet
// expectations, the replay (replay-section.ts), every chart as inline SVG (pre-rendered with no
// network), the events of the run in plain language, the full metric table with each metric
// explained in a sentence (times as a person reads them, the CSV value on hover), and the
// questions with their answers folded. All scenario-provided text is escaped. Its one script is
// the replay's, inline; no external resource and no timestamp: the same run gives the same bytes.
import { formatMetric, humanMetric } from "../../metrics/format-metric.ts";
import type { GroupRow } from "../../metrics/groups.ts";
import type { KeyEvents } from "../../metrics/key-events.ts";
import { metricOf, summaryColumns } from "../../metrics/columns/index.ts";
import type { WorldConfig } from "../../model/index.ts";
import type { MetricValues, Teaching } from "../../scenario/index.ts";
import type { PlotArea } from "../charts/render.ts";
import type { ReplayData } from "../replay/replay-data.ts";
import { groupColumns } from "../group-columns.ts";
import { escapeHtml } from "./escape.ts";
import { inlineSvg } from "./inline-svg.ts";
import { leadSection, questionsSection } from "./lead-section.ts";
import { narrative, type NarrativeLine } from "./narrative.ts";
import { pageStyle } from "./page-style.ts";
import { replaySection } from "./replay-section.ts";

export interface PageChart {
  name: string;
  title: string;
  caption: string;
  svg: string;
  /** Where the plot sits in the SVG; the timeline's carries the replay's cursor. */
  plot?: PlotArea;
}

export interface ReportPageInput {
  name: string;
  summary: string;
  teaching: Teaching;
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
  replay: ReplayData;
  /** The resolved world: a fault's sentence names what it reaches. */
  world: WorldConfig;
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
    `<style>${pageStyle}</style>`,
    "</head>",
    "<body>",
    "<main>",
    leadSection(input),
    breachesSection(input.breaches),
    replaySection(input.replay),
    chartsSection(input.charts, input.skippedCharts, input.replay.endUs),
    narrativeSection(input.keyEvents, input.world),
    summarySection(input.metrics),
    groupsSection(input.groups ?? []),
    questionsSection(input.teaching),
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
      value === null
        ? '<span class="na">n/a</span>'
        : `<span title="${escapeHtml(formatMetric(column, value))} (as in summary.csv)">${escapeHtml(humanMetric(column, value))}</span>`;
    return `<tr><th scope="row"><code>${column}</code></th><td class="value">${shown}</td><td>${escapeHtml(metricOf(column).explanation)}</td></tr>`;
  });
  return [
    '<section id="summary">',
    "<h2>Every metric</h2>",
    '<p class="note">Hover a value for the exact figure in summary.csv (times there in seconds); n/a means the metric does not apply to this run (say, detection with no fault).</p>',
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

function chartsSection(
  charts: readonly PageChart[],
  skipped: readonly string[],
  endUs: number,
): string {
  const figures = charts.map((chart) => {
    const name = escapeHtml(chart.name);
    const plot =
      chart.name === "timeline" && chart.plot
        ? ` data-plot="${[chart.plot.x, chart.plot.y, chart.plot.width, chart.plot.height].join(" ")}" data-end-us="${endUs}"`
        : "";
    return [
      `<figure class="chart" id="chart-${name}"${plot}>`,
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

function narrativeSection(keyEvents: KeyEvents, world: WorldConfig): string {
  const story = narrative(keyEvents, world);
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
